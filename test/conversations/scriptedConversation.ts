import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { TestAdapter, type Activity, type ConversationReference, type Entity } from 'botbuilder';
import { readableText, suggestedActionTitles } from '../../src/cards/activityText';
import { ADAPTIVE_CARD_VERSION } from '../../src/cards/summaryCard';
import { isFeedbackCard } from '../../src/cards/feedback';
import { findSafetyProblems } from '../../src/knowledge/safetyScan';
import type { Crampbot } from '../../src/index';

/** One expectation on a reply; all its keys must hold for the same reply. */
export interface ReplyExpectation {
  contains?: string | string[];
  not_contains?: string | string[];
  /** The reply's first sentence contains this (emergency: the instruction comes first). */
  first_sentence?: string;
  triage_level?: string;
  suggested_actions?: string[];
  no_suggested_actions?: boolean;
  /** The reply carries an Adaptive Card (true) whose text contains the given words (string). */
  card?: boolean | string;
  /** The reply carries a hero card whose buttons have these titles (Teams' form of a long list of choices). */
  buttons?: string[];
}

export interface Turn {
  /** The user's message; `{{N}}` stands for N characters of filler, `<at>crampbot</at>` for a Teams mention. */
  user?: string;
  /** A card submit: a message with this value and no text. */
  value?: unknown;
  /** A message with an image attachment and no text. */
  attachment?: boolean;
  /** conversationUpdate with the user (and the bot) added. */
  members_added?: boolean;
  /** Web Chat's `webchat/join` event. */
  join?: boolean;
  /** Teams installationUpdate (add). */
  install?: boolean;
  /** Any other activity, merged over the conversation's defaults. */
  activity?: Partial<Activity>;
  /** Answer every red-flag question of the guide with this, one message each, until the questions stop. */
  red_flags?: string;
  expect?: ReplyExpectation[];
  /** Exactly this many message replies. */
  replies?: number;
  no_reply?: boolean;
  /** A typing activity was sent. */
  typing?: boolean;
  /** No reply carries a triage entity. */
  no_triage?: boolean;
}

export interface ConversationScript {
  name: string;
  file: string;
  channel: 'webchat' | 'msteams' | 'emulator' | 'directline';
  region?: 'uk' | 'ie' | 'us' | 'eu';
  /** Teams conversation type. */
  scope?: 'personal' | 'groupChat' | 'channel';
  turns: Turn[];
}

export function loadConversationScripts(dir: string): ConversationScript[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yml'))
    .sort()
    .map((name) => {
      const script = parseYaml(readFileSync(join(dir, name), 'utf8')) as Omit<ConversationScript, 'file'>;
      if (!script?.name || !script.channel || !Array.isArray(script.turns)) {
        throw new Error(`${name}: a conversation needs name, channel and turns`);
      }
      return { ...script, file: name };
    });
}

/** What happened in one scripted conversation: every reply per turn, and the problems found. */
export interface ScriptRun {
  turns: { turn: Turn; replies: Partial<Activity>[] }[];
  problems: string[];
}

const BOT_NAME = 'crampbot';

/** Plays a script through the real bot (createCrampbot with its storage) on a TestAdapter and checks every reply. */
export async function runScript(script: ConversationScript, app: Crampbot): Promise<ScriptRun> {
  const slug = basename(script.file, '.yml');
  const teams = script.channel === 'msteams';
  const bot = { id: teams ? `28:${BOT_NAME}` : BOT_NAME, name: BOT_NAME };
  const user = { id: teams ? `29:user-${slug}` : `user-${slug}`, name: 'Sam' };
  const conversationType = teams ? (script.scope ?? 'personal') : undefined;
  const conversation = {
    id: `conversation-${slug}-${Date.now()}`,
    name: slug,
    isGroup: conversationType !== undefined && conversationType !== 'personal',
    conversationType: conversationType ?? '',
    ...(teams ? { tenantId: 'tenant-crampbot-tests' } : {}),
  };
  const reference: Partial<ConversationReference> = {
    channelId: script.channel,
    serviceUrl: 'http://127.0.0.1:9/',
    conversation,
    user,
    bot,
    locale: 'en-GB',
  };
  const adapter = new TestAdapter(reference as ConversationReference);
  const base = (): Partial<Activity> => ({
    type: 'message',
    channelId: script.channel,
    serviceUrl: reference.serviceUrl,
    conversation: { ...conversation },
    from: { ...user },
    recipient: { ...bot },
    locale: 'en-GB',
    ...(teams ? { channelData: { tenant: { id: 'tenant-crampbot-tests' } } } : {}),
  });
  const send = async (activity: Partial<Activity>): Promise<Partial<Activity>[]> => {
    await adapter.processActivity(activity, (context) => app.bot.run(context));
    return adapter.activeQueue.splice(0);
  };

  const run: ScriptRun = { turns: [], problems: [] };
  for (const [index, turn] of script.turns.entries()) {
    const where = `${script.file} turn ${index + 1}`;
    let replies: Partial<Activity>[];
    if (turn.red_flags !== undefined) {
      replies = await answerRedFlags(turn.red_flags, app, send, () => messageActivity(base(), turn.red_flags ?? '', bot));
    } else {
      replies = await send(activityFor(turn, base(), bot, user));
    }
    run.turns.push({ turn, replies });
    run.problems.push(...checkTurn(turn, replies, script).map((problem) => `${where}: ${problem}`));
  }
  return run;
}

function activityFor(turn: Turn, base: Partial<Activity>, bot: { id: string; name: string }, user: { id: string; name: string }): Partial<Activity> {
  if (turn.members_added) return { ...base, type: 'conversationUpdate', membersAdded: [bot, user] };
  if (turn.join) return { ...base, type: 'event', name: 'webchat/join', value: { language: 'en-GB' } };
  if (turn.install) return { ...base, type: 'installationUpdate', action: 'add' };
  if (turn.activity) return { ...base, ...turn.activity };
  if (turn.value !== undefined) return { ...base, text: undefined, value: turn.value };
  if (turn.attachment) {
    return { ...base, text: '', attachments: [{ contentType: 'image/png', contentUrl: 'http://127.0.0.1:9/photo.png', name: 'photo.png' }] };
  }
  return messageActivity(base, turn.user ?? '', bot);
}

/** A message; `<at>crampbot</at>` in the text becomes a Teams mention of the bot. */
function messageActivity(base: Partial<Activity>, script: string, bot: { id: string; name: string }): Partial<Activity> {
  const text = expandFiller(script);
  const mention = `<at>${BOT_NAME}</at>`;
  const entities: Entity[] = text.includes(mention) ? [{ type: 'mention', mentioned: bot, text: mention }] : [];
  return { ...base, text, ...(entities.length > 0 ? { entities } : {}) };
}

/** `{{10000}}` in a script stands for that many characters of harmless filler text. */
function expandFiller(text: string): string {
  return text.replace(/\{\{(\d+)\}\}/g, (_whole, size: string) => 'and so on '.repeat(Math.ceil(Number(size) / 10)).slice(0, Number(size)));
}

async function answerRedFlags(
  answer: string,
  app: Crampbot,
  send: (activity: Partial<Activity>) => Promise<Partial<Activity>[]>,
  make: () => Partial<Activity>,
): Promise<Partial<Activity>[]> {
  const choices = JSON.stringify(app.messages.guide.red_flag_choices.map((choice) => choice.title));
  const replies: Partial<Activity>[] = [];
  for (let asked = 0; asked <= app.triage.questions().length; asked++) {
    const batch = await send(make());
    replies.push(...batch);
    const last = messagesOf(batch).at(-1);
    if (!last || JSON.stringify(suggestedActionTitles(last)) !== choices) break;
  }
  return replies;
}

function messagesOf(replies: Partial<Activity>[]): Partial<Activity>[] {
  return replies.filter((reply) => (reply.type ?? 'message') === 'message');
}

function triageOf(reply: Partial<Activity>): { level?: string; rules?: string[]; ruleSetVersion?: string } | undefined {
  return reply.entities?.find((entity) => entity.type === 'triage') as { level?: string } | undefined;
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function firstSentence(text: string): string {
  const match = /^[\s\S]*?[.!?](?=\s|$)/.exec(text.trim());
  return match ? match[0] : text.trim();
}

/** Problems with one reply against one expectation; empty when it matches. */
function mismatches(reply: Partial<Activity>, expectation: ReplyExpectation): string[] {
  const text = readableText(reply);
  const lower = text.toLowerCase();
  const problems: string[] = [];
  for (const words of list(expectation.contains)) {
    if (!lower.includes(words.toLowerCase())) problems.push(`does not contain "${words}"`);
  }
  for (const words of list(expectation.not_contains)) {
    if (lower.includes(words.toLowerCase())) problems.push(`contains "${words}"`);
  }
  if (expectation.first_sentence !== undefined && !firstSentence(reply.text ?? '').toLowerCase().includes(expectation.first_sentence.toLowerCase())) {
    problems.push(`first sentence "${firstSentence(reply.text ?? '')}" lacks "${expectation.first_sentence}"`);
  }
  if (expectation.triage_level !== undefined && triageOf(reply)?.level !== expectation.triage_level) {
    problems.push(`triage level ${triageOf(reply)?.level ?? 'none'}, expected ${expectation.triage_level}`);
  }
  const actions = suggestedActionTitles(reply);
  if (expectation.suggested_actions && JSON.stringify(actions) !== JSON.stringify(expectation.suggested_actions)) {
    problems.push(`suggested actions ${JSON.stringify(actions)}, expected ${JSON.stringify(expectation.suggested_actions)}`);
  }
  if (expectation.no_suggested_actions && actions.length > 0) problems.push(`has suggested actions ${JSON.stringify(actions)}`);
  if (expectation.card !== undefined) {
    const card = reply.attachments?.find((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive');
    if (!card) problems.push('has no Adaptive Card');
    else if (typeof expectation.card === 'string' && !lower.includes(expectation.card.toLowerCase())) {
      problems.push(`card does not contain "${expectation.card}"`);
    }
  }
  if (expectation.buttons) {
    const hero = reply.attachments?.find((attachment) => attachment.contentType === 'application/vnd.microsoft.card.hero');
    const titles = ((hero?.content as { buttons?: { title: string }[] } | undefined)?.buttons ?? []).map((button) => button.title);
    if (JSON.stringify(titles) !== JSON.stringify(expectation.buttons)) {
      problems.push(`hero card buttons ${JSON.stringify(titles)}, expected ${JSON.stringify(expectation.buttons)}`);
    }
  }
  return problems;
}

/** Checks a turn's replies: the script's expectations, in order, and the rules every reply must keep. */
export function checkTurn(turn: Turn, replies: Partial<Activity>[], script: ConversationScript): string[] {
  const problems: string[] = [];
  const messages = messagesOf(replies);
  const described = () => messages.map((reply, index) => `  [${index}] ${readableText(reply).slice(0, 160).replace(/\n/g, ' ⏎ ')}`).join('\n');

  if (turn.no_reply && messages.length > 0) problems.push(`expected no reply, got ${messages.length}:\n${described()}`);
  if (turn.replies !== undefined && messages.length !== turn.replies) {
    problems.push(`expected ${turn.replies} replies, got ${messages.length}:\n${described()}`);
  }
  if (turn.typing && !replies.some((reply) => reply.type === 'typing')) problems.push('no typing indicator was sent');
  if (turn.no_triage && messages.some((reply) => triageOf(reply))) problems.push('a reply carries a triage entity');

  let from = 0;
  for (const expectation of turn.expect ?? []) {
    const found = messages.findIndex((reply, index) => index >= from && mismatches(reply, expectation).length === 0);
    if (found < 0) {
      const closest = messages.slice(from).map((reply) => mismatches(reply, expectation).join(', '));
      problems.push(`no reply matches ${JSON.stringify(expectation)} (${closest.join(' | ') || 'no replies left'}):\n${described()}`);
    } else {
      from = found + 1;
    }
  }

  for (const [index, reply] of messages.entries()) {
    const text = readableText(reply);
    for (const problem of findSafetyProblems(text)) problems.push(`reply ${index} is unsafe: ${problem}`);
    const actions = suggestedActionTitles(reply);
    // Web Chat's "Was this helpful?" card is the one attachment that may sit under an answer's suggested actions.
    const attachments = (reply.attachments ?? []).filter((attachment) => !(script.channel === 'webchat' && isFeedbackCard(attachment)));
    if (attachments.length > 0 && actions.length > 0) problems.push(`reply ${index} has suggested actions next to an attachment`);
    if (script.channel === 'msteams' && actions.length > 3) problems.push(`reply ${index} has ${actions.length} suggested actions in Teams`);
    for (const attachment of reply.attachments ?? []) {
      const version = (attachment.content as { version?: string } | undefined)?.version;
      if (attachment.contentType === 'application/vnd.microsoft.card.adaptive' && Number(version) > Number(ADAPTIVE_CARD_VERSION)) {
        problems.push(`reply ${index} has an Adaptive Card version ${version}`);
      }
    }
    const entity = triageOf(reply);
    if (entity && (!entity.level || !Array.isArray(entity.rules) || typeof entity.ruleSetVersion !== 'string')) {
      problems.push(`reply ${index} has a malformed triage entity ${JSON.stringify(entity)}`);
    }
  }
  return problems;
}
