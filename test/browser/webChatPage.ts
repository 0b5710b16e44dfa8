import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chromium as playwright, type Browser, type Locator, type Page } from 'playwright-core';

/**
 * `chromium.executablePath()` and `chromium.args` from @sparticuz/chromium.
 * @remarks The package is ESM-only and uses import.meta, which jest's CommonJS module system cannot load,
 * so a short-lived Node process asks it (it unpacks the browser to /tmp once, then reuses it).
 */
async function sparticuzChromium(): Promise<{ executablePath: string; args: string[] }> {
  const script =
    "import('@sparticuz/chromium').then(async ({ default: c }) => " +
    'process.stdout.write(JSON.stringify({ executablePath: await c.executablePath(), args: c.args })))';
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: __dirname });
  return JSON.parse(stdout) as { executablePath: string; args: string[] };
}

/** Chromium from npm (@sparticuz/chromium): no system browser, no network, running as root. */
export async function launchBrowser(): Promise<Browser> {
  const chromium = await sparticuzChromium();
  return playwright.launch({
    executablePath: chromium.executablePath,
    args: [
      ...chromium.args,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    headless: true,
  });
}

/** The Web Chat page as a person uses it: reads bubbles, types, clicks buttons. */
export class WebChatPage {
  /** Uncaught page errors and console errors, for the test to assert there were none. */
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`console: ${message.text()}`);
    });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.input().waitFor({ state: 'visible' });
  }

  input(): Locator {
    return this.page.locator('[data-id="webchat-sendbox-input"]');
  }

  /** Every bubble the bot has shown, oldest first (cards included). */
  botBubbles(): Locator {
    return this.page.locator('.webchat__bubble:not(.webchat__bubble--from-user)');
  }

  async botTexts(): Promise<string[]> {
    return this.botBubbles().allInnerTexts();
  }

  /** Waits until the bot has shown more than `after` bubbles and one of the new ones matches. */
  async waitForBot(pattern: RegExp, after = 0, timeout = 10_000): Promise<string> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const fresh = (await this.botTexts()).slice(after);
      const found = fresh.find((text) => pattern.test(text));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no bot bubble matched ${pattern}; the bot said:\n${fresh.join('\n---\n')}`);
      await this.page.waitForTimeout(100);
    }
  }

  /**
   * Waits for the bot's answer to what was sent when it had shown `before` bubbles: at least one new
   * bubble, then either `done()` holds (e.g. buttons for the next question are shown) or no new bubble
   * has come for 800 ms (the page polls every 500 ms). Returns the new bubbles' text.
   */
  async waitForReplies(before: number, done: () => Promise<boolean> = async () => false, timeout = 10_000): Promise<string[]> {
    const deadline = Date.now() + timeout;
    let count = before;
    let stableSince = 0;
    for (;;) {
      const now = await this.botBubbles().count();
      if (now !== count) {
        count = now;
        stableSince = Date.now();
      } else if (count > before && (Date.now() - stableSince >= 800 || (await done()))) {
        return (await this.botTexts()).slice(before);
      }
      if (Date.now() > deadline) throw new Error(`the bot did not answer within ${timeout} ms`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Types like a person (keyboard only) and presses Enter. */
  async send(text: string): Promise<number> {
    const before = await this.botBubbles().count();
    await this.input().click();
    await this.input().fill(text);
    await this.page.keyboard.press('Enter');
    return before;
  }

  suggestedActions(): Locator {
    return this.page.locator('.webchat__suggested-actions button');
  }

  async suggestedActionTitles(): Promise<string[]> {
    return (await this.suggestedActions().allInnerTexts()).map((title) => title.trim());
  }

  async clickSuggestedAction(title: string): Promise<number> {
    const before = await this.botBubbles().count();
    await this.page.locator('.webchat__suggested-actions').getByRole('button', { name: title, exact: true }).click();
    return before;
  }

  /** The `data-id` of the element with the keyboard focus, once the page has put it somewhere. */
  async focusedDataId(timeout = 3000): Promise<string | null> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const id = (await this.page.evaluate("document.activeElement && document.activeElement.getAttribute('data-id')")) as string | null;
      if (id || Date.now() > deadline) return id;
      await this.page.waitForTimeout(100);
    }
  }

  /**
   * Moves the keyboard focus to a button inside a message, as a keyboard user does in Web Chat: Shift+Tab from the
   * send box to the transcript, End for the newest message, ArrowUp to older ones, Enter to go into a message and Tab
   * through its buttons, Escape to come back out. True when the button has the focus.
   */
  async focusTranscriptButton(title: string): Promise<boolean> {
    const keys = this.page.keyboard;
    const focused = (script: string) => this.page.evaluate(`(() => { const e = document.activeElement; return e && (${script}); })()`);
    await this.input().focus();
    for (let presses = 0; presses < 5 && !(await focused("e.classList.contains('webchat__basic-transcript')")); presses += 1) {
      await keys.press('Shift+Tab');
    }
    await keys.press('End');
    for (let message = 0; message < 8; message += 1) {
      await keys.press('Enter');
      for (let tabs = 0; tabs < 8; tabs += 1) {
        if ((await focused('e.innerText')) === title) return true;
        await keys.press('Tab');
      }
      await keys.press('Escape');
      await keys.press('ArrowUp');
    }
    return false;
  }

  /** Web Chat marks a message it could not deliver with "Send failed" next to it. */
  async sendFailures(): Promise<number> {
    return this.page.getByText(/send failed/i).count();
  }
}
