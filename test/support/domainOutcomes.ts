import { readFileSync } from 'node:fs';
import { MemoryStorage } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createCrampbot, type Crampbot } from '../../src/index';
import { readableText } from '../../src/cards/activityText';
import { runScript } from '../conversations/scriptedConversation';

/** What the bot did with a first message (issue 16): refused it, asked which topic was meant, or answered it. */
export type DomainOutcome = 'refused' | 'clarified' | 'answered';
export const OUTCOMES: readonly DomainOutcome[] = ['refused', 'clarified', 'answered'];

/** One line of corpus/domain-probes/*.jsonl: a message, and whether its author meant it to be about leg cramps. */
export interface DomainProbe {
  text: string;
  inDomain: boolean;
}

export type OutcomeCounts = Record<DomainOutcome, number>;

export interface DomainFigures {
  inDomain: OutcomeCounts;
  notInDomain: OutcomeCounts;
  /** The probes whose outcome is wrong: an in-domain message refused, or another one not refused. */
  misses: Array<DomainProbe & { outcome: DomainOutcome }>;
}

export function readDomainProbes(file: string): DomainProbe[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as DomainProbe);
}

/** The real bot (createCrampbot, memory storage), as every probe meets it: the first message of a new conversation. */
export function domainBot(): Crampbot {
  return createCrampbot(loadConfig({ STORAGE: 'memory' }), createLogger({ logLevel: 'silent' }), {
    storage: new MemoryStorage(),
    processMetrics: false,
  });
}

/**
 * What the bot did with the message. A red-flag question asked at once (before the answer) is triage, not the answer:
 * it is answered "no", as most people would, and the reply that follows is the outcome. "Sorry, I can only read English
 * for now", the reply to a message with no Latin letters, is `notEnglish`: it neither refuses a question about leg
 * cramps as out of scope nor answers anything else, so it counts as answered for the one and refused for the other.
 */
export async function outcomeOf(app: Crampbot, text: string, conversation: string, notEnglish: DomainOutcome = 'answered'): Promise<DomainOutcome> {
  const replies = async (...said: string[]) => {
    const run = await runScript({ name: conversation, file: `${conversation}.yml`, channel: 'webchat', turns: said.map((user) => ({ user })) }, app);
    return run.turns.map((turn) => turn.replies.map(readableText).join('\n'));
  };
  const [first] = await replies(text);
  // The conversation is played again with the "no" only when a question was asked (few messages are).
  const said = first!.includes(app.messages.guide.safety_intro) ? (await replies(text, 'no'))[1]! : first!;
  if (said.includes(app.messages.not_english.text)) return notEnglish;
  if (said.includes(app.messages.fallback.text) || said.includes(app.messages.fallback.after_level)) return 'refused';
  if (said.includes(app.messages.clarify.text)) return 'clarified';
  return 'answered';
}

export async function domainFigures(app: Crampbot, probes: readonly DomainProbe[], name: string): Promise<DomainFigures> {
  const zero = (): OutcomeCounts => ({ refused: 0, clarified: 0, answered: 0 });
  const figures: DomainFigures = { inDomain: zero(), notInDomain: zero(), misses: [] };
  for (const [index, probe] of probes.entries()) {
    const outcome = await outcomeOf(app, probe.text, `${name}-${index}`, probe.inDomain ? 'answered' : 'refused');
    (probe.inDomain ? figures.inDomain : figures.notInDomain)[outcome] += 1;
    if (probe.inDomain === (outcome === 'refused')) figures.misses.push({ ...probe, outcome });
  }
  return figures;
}

/** "refused 0/90 (0.00), clarified 12/90 (0.13), answered 78/90 (0.87)" */
export function formatCounts(counts: OutcomeCounts): string {
  const total = OUTCOMES.reduce((sum, outcome) => sum + counts[outcome], 0);
  return OUTCOMES.map((outcome) => `${outcome} ${counts[outcome]}/${total} (${(counts[outcome] / Math.max(1, total)).toFixed(2)})`).join(', ');
}
