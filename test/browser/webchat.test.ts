import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { MemoryStorage } from 'botbuilder';
import nock from 'nock';
import type { Browser, BrowserContext } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import type { Server } from 'restify';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createCrampbot } from '../../src/index';
import { createServer } from '../../src/http/server';
import { PROJECT_ROOT } from '../../src/paths';
import { launchBrowser, WebChatPage } from './webChatPage';

/**
 * The guide's answers a person in no danger would give, by the question asked (SPEC §3, corpus/messages.yml):
 * a button with one of these titles is clicked; without one, the words are typed.
 */
const GUIDE_ANSWERS: Array<{ question: RegExp; buttons: string[]; typed: string }> = [
  { question: /right now, or do your cramps keep coming back|happening right now/i, buttons: ['They keep coming back'], typed: 'they keep coming back' },
  { question: /where do you feel/i, buttons: ['Calf'], typed: 'my calf' },
  { question: /how long/i, buttons: ['Seconds to minutes'], typed: 'a few seconds' },
  { question: /how often/i, buttons: ['Now and then'], typed: 'now and then' },
  { question: /playing a part/i, buttons: ['Exercise', 'None of these'], typed: 'exercise' },
];
const RED_FLAG_ANSWER = { buttons: ['No'], typed: 'no' };
/** WCAG 2.2 level A and AA, as axe-core tags them. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// One browser for the whole file (it takes a couple of seconds to start).
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the Web Chat page in a real browser, against the real bot', () => {
  let server: Server;
  let url: string;
  let chat: WebChatPage;

  beforeAll(async () => {
    const config = loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent', REGION: 'uk' });
    const app = createCrampbot(config, createLogger(config), { storage: new MemoryStorage() });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // A phone-sized window: the page must work there.
    const context = await browser.newContext({ viewport: { width: 430, height: 900 }, locale: 'en-GB' });
    chat = new WebChatPage(await context.newPage());
  });

  afterAll(() => closeServer(server));

  it('opens with crampbot welcoming the user, its three suggested actions and the emergency line under the chat', async () => {
    await chat.open(url);
    await expectVisible(chat.page.getByRole('heading', { name: 'crampbot' }));
    await expectVisible(chat.page.locator('footer').getByText('call 999 now'));
    const welcome = await chat.waitForBot(/automated assistant/i);
    expect(welcome).toMatch(/not a diagnosis/i);
    expect(welcome).toMatch(/999/);
    await expectVisible(chat.suggestedActions().first());
    expect(await chat.suggestedActionTitles()).toEqual(['A cramp right now', 'Why do I get cramps?', 'Should I see a doctor?']);
  });

  it('answers "what helps a cramp right now" at once with the relief steps, typed with the keyboard only', async () => {
    // The page puts the focus in the send box; nothing here uses the mouse.
    expect(await chat.focusedDataId()).toBe('webchat-sendbox-input');
    const before = await chat.botBubbles().count();
    await chat.page.keyboard.type('what helps a cramp right now');
    await chat.page.keyboard.press('Enter');
    const replies = await chat.waitForReplies(before);
    const answer = replies.join('\n');
    expect(answer).toMatch(/pull your toes up towards you/i);
    expect(answer).toMatch(/massage/i);
    expect(answer).toMatch(/NHS/);
    expect(await chat.sendFailures()).toBe(0);
  });

  it('walks the guide, started from a suggested action with the keyboard, to the summary card', async () => {
    expect(await chat.suggestedActionTitles()).toContain('Walk me through it');
    // Keyboard only: from the send box, Shift+Tab reaches the first suggested action and Enter presses it.
    await chat.input().focus();
    await chat.page.keyboard.press('Shift+Tab');
    expect(await chat.page.evaluate('document.activeElement && document.activeElement.innerText')).toBe('Walk me through it');
    let before = await chat.botBubbles().count();
    await chat.page.keyboard.press('Enter');
    let summary: string | undefined;
    for (let step = 0; step < 20 && !summary; step += 1) {
      // The bot's turn is over once it shows buttons for the next question, or the summary card.
      const replies = await chat.waitForReplies(
        before,
        async () => (await chat.suggestedActions().count()) > 0 || (await summaryCardText(chat, before)) !== undefined,
      );
      summary = await summaryCardText(chat, before);
      if (summary) break;
      const question = replies.at(-1) ?? '';
      const answer = GUIDE_ANSWERS.find((candidate) => candidate.question.test(question)) ?? RED_FLAG_ANSWER;
      const titles = await chat.suggestedActionTitles();
      const button = answer.buttons.find((title) => titles.includes(title));
      before = button ? await chat.clickSuggestedAction(button) : await chat.send(answer.typed);
    }
    expect(summary).toBeDefined();
    expect(summary).toMatch(/look after it at home|self.?care/i);
    expect(summary).toMatch(/NHS|NICE/);
    expect(await chat.sendFailures()).toBe(0);
    // The picture for the README: the summary card from its top (level and advice).
    const card = chat.botBubbles().locator('.ac-adaptiveCard').last();
    const top = (await card.boundingBox())?.y ?? 0;
    await chat.page.mouse.move(215, 400);
    await chat.page.mouse.wheel(0, top - 180);
    await chat.page.waitForTimeout(800);
    // UPDATE_SCREENSHOT=1 saves it as the README's picture; otherwise a test run leaves the checkout as it was.
    const path = process.env.UPDATE_SCREENSHOT === '1' ? join(PROJECT_ROOT, 'docs', 'webchat.png') : undefined;
    if (path) mkdirSync(join(PROJECT_ROOT, 'docs'), { recursive: true });
    expect((await chat.page.screenshot({ path })).length).toBeGreaterThan(10_000);
  });

  it('meets WCAG 2.2 A and AA (axe-core) with an answer, suggested actions and the summary card on screen', async () => {
    expect(await chat.suggestedActions().count()).toBeGreaterThan(0);
    const results = await new AxeBuilder({ page: chat.page }).withTags(WCAG_TAGS).analyze();
    const violations = results.violations.map(
      (violation) => `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(' ')).join('\n  ')}`,
    );
    expect(violations).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(10);
  });

  it('rates the summary with the keyboard only: "Was this helpful?" under the card, reached and pressed with keys', async () => {
    const before = await chat.botBubbles().count();
    await expectVisible(chat.botBubbles().getByRole('button', { name: 'Yes, helpful' }).last());
    expect(await chat.focusTranscriptButton('Yes, helpful')).toBe(true);
    await chat.page.keyboard.press('Enter');
    expect(await chat.waitForBot(/glad it helped/i, before)).toBeDefined();
    expect(await chat.sendFailures()).toBe(0);
  });

  it('puts the emergency instruction first when someone describes an emergency', async () => {
    const before = await chat.send("my calf is swollen and hot and now I can't breathe properly");
    const replies = await chat.waitForReplies(before);
    expect(replies[0].trim()).toMatch(/^call 999/i);
    expect(await chat.sendFailures()).toBe(0);
    expect(chat.errors).toEqual([]);
  });
});

describe('the Web Chat page in a real browser with DIRECT_LINE_SECRET set', () => {
  const SECRET = 'browser-test-direct-line-secret';
  let server: Server;
  let url: string;
  let context: BrowserContext;

  beforeAll(async () => {
    const config = loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent', DIRECT_LINE_SECRET: SECRET });
    server = createServer(createCrampbot(config, createLogger(config), { storage: new MemoryStorage() }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    context = await browser.newContext();
  });

  afterAll(async () => {
    nock.cleanAll();
    await closeServer(server);
  });

  it('connects Web Chat to Azure Direct Line with the token from the server, never with the secret', async () => {
    nock('https://directline.botframework.com')
      .post('/v3/directline/tokens/generate')
      .reply(200, { conversationId: 'conv-1', token: 'token-from-direct-line', expires_in: 1800 });
    const page = await context.newPage();
    // The machine is offline: catch what the page sends to Direct Line instead of letting it fail.
    const sentToDirectLine: string[] = [];
    await page.route(/botframework\.com/, async (route) => {
      sentToDirectLine.push(`${route.request().method()} ${route.request().url()} ${route.request().headers().authorization ?? ''}`);
      await route.abort();
    });
    await page.goto(url);
    await page.locator('[data-id="webchat-sendbox-input"]').waitFor({ state: 'visible' });
    for (let wait = 0; wait < 50 && sentToDirectLine.length === 0; wait += 1) await page.waitForTimeout(100);
    expect(sentToDirectLine[0]).toMatch(/directline\.botframework\.com\/v3\/directline\/conversations Bearer token-from-direct-line$/);
    expect(sentToDirectLine.join('\n')).not.toContain(SECRET);
    expect(await page.content()).not.toContain(SECRET);
  });

  it('tells the person plainly, with the emergency line, when no chat can be started', async () => {
    nock('https://directline.botframework.com').post('/v3/directline/tokens/generate').reply(403, {});
    const page = await context.newPage();
    await page.goto(url);
    const alert = page.getByRole('alert');
    await alert.waitFor({ state: 'visible', timeout: 5000 });
    expect(await alert.innerText()).toMatch(/could not start.*call 999 now/is);
  });
});

async function closeServer(server: Server | undefined): Promise<void> {
  if (!server) return;
  server.server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** The text of an Adaptive Card among the bubbles after `before` that gives the level and its sources. */
async function summaryCardText(chat: WebChatPage, before: number): Promise<string | undefined> {
  const bubbles = chat.botBubbles();
  const count = await bubbles.count();
  for (let index = before; index < count; index += 1) {
    const cards = bubbles.nth(index).locator('.ac-adaptiveCard');
    if ((await cards.count()) === 0) continue;
    const text = await cards.first().innerText();
    if (/NHS|NICE/.test(text)) return text;
  }
  return undefined;
}

async function expectVisible(locator: ReturnType<WebChatPage['input']>): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 5000 });
}
