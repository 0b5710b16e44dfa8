import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { MemoryStorage, TestAdapter, type Activity, type ConversationReference } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createCrampbot } from '../../src/index';
import { CORPUS_DIR } from '../../src/paths';
import { factsLine, factsSaid } from '../../src/understanding/facts';
import { loadUnderstanding } from '../../src/understanding/understanding';

/**
 * `npm run bench -- facts`: the guide's facts on the folded facts batches (regression figures; first-sight figures
 * are in corpus/facts-probes/README.md), and how many of the guide's five questions the real bot asks after a
 * fact-rich first message against after a bare "walk me through it".
 */
export async function run(): Promise<void> {
  const layer = loadUnderstanding(CORPUS_DIR);
  const dir = join(CORPUS_DIR, 'facts-probes');
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.yml'))) {
    const cases = parse(readFileSync(join(dir, file), 'utf8')).cases as Array<Record<string, unknown> & { text: string; triggers: string[] }>;
    const right = { now: 0, site: 0, when: 0, triggers: 0 };
    for (const example of cases) {
      const line = factsLine(example.text, factsSaid(layer.understand(example.text)));
      for (const field of ['now', 'site', 'when'] as const) if (line[field] === (example[field] ?? null)) right[field]++;
      if ([...line.triggers].sort().join() === [...example.triggers].sort().join()) right.triggers++;
    }
    const share = (n: number) => `${n}/${cases.length} (${(n / cases.length).toFixed(3)})`;
    console.log(`facts-probes/${file} (regression): now ${share(right.now)}, site ${share(right.site)}, when ${share(right.when)}, triggers ${share(right.triggers)}`);
  }
  const bare = await questionsAsked(['walk me through it']);
  const rich = await questionsAsked(['my calf keeps cramping at night since I started bendroflumethiazide, they last a minute or so, most nights', 'walk me through it']);
  console.log(`guide questions asked (of 5) before the warning signs: after a bare "walk me through it" ${bare.length} (${bare.join(', ')}); after a fact-rich first message ${rich.length} (${rich.join(', ') || 'none'})`);
}

/** The guide questions the real bot asks, answering each with its first button, until the warning signs start. */
async function questionsAsked(opening: string[]): Promise<string[]> {
  const app = createCrampbot(loadConfig({ STORAGE: 'memory' }), createLogger({ logLevel: 'silent' }), { storage: new MemoryStorage() });
  const reference = {
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: 'bench-guide' },
    user: { id: 'bench-user' },
    bot: { id: 'crampbot' },
  };
  const adapter = new TestAdapter(reference as ConversationReference);
  const say = async (text: string): Promise<Partial<Activity>[]> => {
    const activity = { type: 'message', text, channelId: 'webchat', serviceUrl: reference.serviceUrl, conversation: reference.conversation, from: reference.user, recipient: reference.bot };
    await adapter.processActivity(activity as Partial<Activity>, (context) => app.bot.run(context));
    return adapter.activeQueue.splice(0);
  };
  const questions = Object.entries(app.messages.guide.questions);
  const asked: string[] = [];
  let replies: Partial<Activity>[] = [];
  for (const text of opening) replies = await say(text);
  for (let turn = 0; turn < 6; turn++) {
    const texts = replies.map((reply) => reply.text ?? '');
    const question = questions.find(([, spec]) => texts.some((text) => text.includes(spec.text)));
    if (!question) break;
    asked.push(question[0]);
    replies = await say(question[1].choices[0]!.title);
  }
  return asked;
}
