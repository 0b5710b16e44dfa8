import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { TestAdapter, type Activity, type ConversationReference } from 'botbuilder-core';
import { ConfigError, loadConfig, loadDotEnv } from '../config';
import { createLogger } from '../logger';
import { createCrampbot } from '../index';
import { readableText, suggestedActionTitles, cardButtonTitles } from '../cards/activityText';
import { parseCommandLine, UsageError, type CliIo } from './cliIo';

const USAGE = `Usage: crampbot chat [--channel webchat|msteams|emulator] [--user ID]

Talk to crampbot in the terminal: the same bot, dialogs and storage (STORAGE, STATE_DIR) as the server.
Type a number to pick one of the numbered options, "/quit" (or Ctrl-D) to leave.
`;

/**
 * `crampbot chat`: a terminal conversation with the real bot. Replies are printed as text, suggested actions and card
 * buttons as numbered options, cards as their text, and a stated triage level in brackets.
 */
export async function chat(args: string[], io: CliIo): Promise<number> {
  let options: ChatOptions;
  try {
    options = chatOptions(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`crampbot chat: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  loadDotEnv();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`crampbot: configuration error: ${error.message}\n`);
    return 1;
  }
  // Logs go to stderr so they never mix with the conversation.
  const logger = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel }, process.stderr);
  const app = createCrampbot(config, logger);
  const reference: Partial<ConversationReference> = {
    channelId: options.channel,
    serviceUrl: 'http://127.0.0.1/',
    conversation: { id: `cli-${randomUUID()}`, isGroup: false, conversationType: 'personal', name: 'crampbot chat' },
    user: { id: options.user, name: 'You' },
    bot: { id: 'crampbot', name: 'crampbot' },
    locale: 'en-GB',
  };
  const adapter = new TestAdapter(reference as ConversationReference);
  const activity = (fields: Partial<Activity>): Partial<Activity> => ({
    channelId: reference.channelId,
    serviceUrl: reference.serviceUrl,
    conversation: reference.conversation,
    from: reference.user,
    recipient: reference.bot,
    locale: reference.locale,
    ...fields,
  });
  let choices: string[] = [];
  const turn = async (fields: Partial<Activity>) => {
    await adapter.processActivity(activity(fields), (context) => app.bot.run(context));
    const replies = adapter.activeQueue.splice(0).filter((reply) => (reply.type ?? 'message') === 'message');
    if (replies.length > 0) choices = [];
    for (const reply of replies) {
      io.stdout.write(formatReply(reply, choices.length));
      choices.push(...suggestedActionTitles(reply), ...cardButtonTitles(reply));
    }
  };

  io.stdout.write('crampbot chat: type your message, a number to pick an option, /quit to leave.\n\n');
  await turn({ type: 'conversationUpdate', membersAdded: [reference.user!, reference.bot!] });
  const lines = createInterface({ input: io.stdin, terminal: false });
  const prompt = () => io.stdout.write('> ');
  prompt();
  for await (const line of lines) {
    const text = line.trim();
    if (text === '/quit' || text === '/exit') break;
    const picked = /^\d+$/.test(text) ? choices[Number(text) - 1] : undefined;
    if (picked) io.stdout.write(`  (${picked})\n`);
    await turn({ type: 'message', text: picked ?? line });
    prompt();
  }
  io.stdout.write('\n');
  return 0;
}

/** One reply as terminal text; `numberFrom` continues the option numbering of earlier replies in the same turn. */
export function formatReply(reply: Partial<Activity>, numberFrom = 0): string {
  const lines = [`crampbot: ${readableText(reply).replace(/\n/g, '\n          ')}`];
  const triage = reply.entities?.find((entity) => entity.type === 'triage');
  if (triage) lines.push(`          [triage: ${String(triage.level)}${triage.rules?.length ? ` (${(triage.rules as string[]).join(', ')})` : ''}]`);
  const options = [...suggestedActionTitles(reply), ...cardButtonTitles(reply)];
  options.forEach((title, index) => lines.push(`   ${numberFrom + index + 1}. ${title}`));
  return `${lines.join('\n')}\n\n`;
}

interface ChatOptions {
  channel: string;
  user: string;
  help: boolean;
}

function chatOptions(args: string[]): ChatOptions {
  const { values } = parseCommandLine(() =>
    parseArgs({
      args,
      options: { channel: { type: 'string', default: 'emulator' }, user: { type: 'string', default: 'cli-user' }, help: { type: 'boolean', short: 'h', default: false } },
      strict: true,
    }),
  );
  if (!values.channel || !values.user) throw new UsageError('--channel and --user need a value');
  return { channel: values.channel, user: values.user, help: values.help };
}
