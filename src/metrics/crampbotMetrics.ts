import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { INTENTS } from '../nlu/recognizer';
import { LEVELS } from '../triage/triage';
import { ANSWER_TOPICS } from '../knowledge/knowledgeBase';
import { COMMANDS, GUIDE_QUESTIONS } from '../cards/messages';
import type { FeedbackRating } from '../cards/feedback';
import type { BotMetrics, GuideAbandonReason, NotUnderstoodReason } from './botMetrics';

/** Channels counted by name; any other channel id is counted as `other`. */
export const KNOWN_CHANNELS = ['msteams', 'webchat', 'directline', 'emulator', 'test'] as const;
const ACTIVITY_TYPES = ['message', 'conversationUpdate', 'installationUpdate', 'invoke', 'event', 'typing', 'messageReaction'];
/** The guide's questions, and the red-flag questions as one. */
export const QUESTION_LABELS = [...GUIDE_QUESTIONS, 'red_flags'] as const;
const FEEDBACK_ABOUT = [...ANSWER_TOPICS, 'summary', 'unknown'];
const ABANDON_REASONS: GuideAbandonReason[] = ['cancelled', 'gave_up', 'escalated'];
const NOT_UNDERSTOOD: NotUnderstoodReason[] = ['out_of_scope', 'unreadable', 'too_long'];
const CLARIFICATION_PICKS = [...ANSWER_TOPICS, 'something_else'];
const RED_FLAG_ANSWERS = ['yes', 'no', 'unsure'];
/** Turn latency buckets, in seconds: Teams wants a reply within 10 s. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface CrampbotMetricsOptions {
  ruleSetVersion: string;
  /** The rule ids of the rule set; an id outside it is counted as `other`. */
  ruleIds: readonly string[];
  /** The red-flag question ids of the rule set; an id outside them is counted as `other`. */
  questionIds?: readonly string[];
  /** Node.js process metrics (CPU, memory, event loop lag); off in tests that build many bots. */
  processMetrics?: boolean;
}

/**
 * The Prometheus metrics of one crampbot instance, in a registry of its own (not prom-client's global one), so
 * several bots in one process (tests) each count their own.
 * @remarks Every label value is checked against a known list and becomes `other` when it is not on it: the output
 * cannot carry message text, ids or names whatever a caller passes.
 */
export class CrampbotMetrics implements BotMetrics {
  readonly registry = new Registry();
  private readonly ruleIds: ReadonlySet<string>;
  private readonly questionIds: readonly string[];
  private readonly turns;
  private readonly turnSeconds;
  private readonly turnErrors;
  private readonly intents;
  private readonly commands;
  private readonly levels;
  private readonly rules;
  private readonly notUnderstoodTotal;
  private readonly clarifications;
  private readonly clarificationPicks;
  private readonly askedAtOnceTotal;
  private readonly retries;
  private readonly giveUps;
  private readonly guideStartedTotal;
  private readonly guideCompletedTotal;
  private readonly guideAbandonedTotal;
  private readonly feedbackTotal;
  private readonly storageErrors;
  private readonly rateLimitedTotal;

  constructor(options: CrampbotMetricsOptions) {
    this.ruleIds = new Set(options.ruleIds);
    this.questionIds = options.questionIds ?? [];
    const registers = [this.registry];
    const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
      new Counter<L>({ name: `crampbot_${name}`, help, labelNames, registers });
    this.turns = counter('turns_total', 'Bot turns, by channel and activity type.', ['channel', 'type']);
    this.turnSeconds = new Histogram({
      name: 'crampbot_turn_duration_seconds',
      help: 'Time from an activity reaching the bot to its replies being handed over, state saved.',
      labelNames: ['channel'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.turnErrors = counter('turn_errors_total', 'Turns that failed; cause storage or other (a bug).', ['cause']);
    this.intents = counter('intents_total', 'Messages answered by their intent (from the classifier or a button).', ['intent']);
    this.commands = counter('commands_total', 'Messages that were a command (help, cancel, guide, more, ...).', ['command']);
    this.levels = counter('triage_levels_total', 'Replies that stated a triage level, by level.', ['level']);
    this.rules = counter('triage_rules_total', 'Rules behind the replies that stated a level, by rule id.', ['rule']);
    this.notUnderstoodTotal = counter('not_understood_total', 'Messages not read as a question about leg cramps.', ['reason']);
    this.clarifications = counter('clarifications_total', 'Unclear questions about leg cramps answered with a choice of topics.');
    this.clarificationPicks = counter('clarification_picks_total', 'What was picked after a clarification: a topic or something_else.', ['topic']);
    this.askedAtOnceTotal = counter('red_flag_asked_at_once_total', 'Red-flag questions asked at once, by question and answer.', ['question', 'answer']);
    this.retries = counter('prompt_retries_total', 'Questions of the guide asked again after an unreadable answer.', ['question']);
    this.giveUps = counter('prompt_give_ups_total', 'Questions of the guide given up after three unreadable answers.', ['question']);
    this.guideStartedTotal = counter('guide_started_total', 'Guides started.');
    this.guideCompletedTotal = counter('guide_completed_total', 'Guides that reached their end, by the level they ended on.', ['level']);
    this.guideAbandonedTotal = counter('guide_abandoned_total', 'Guides ended early, by question and reason.', ['question', 'reason']);
    this.feedbackTotal = counter('feedback_total', 'Ratings of answers and summaries.', ['channel', 'rating', 'about']);
    this.storageErrors = counter('storage_errors_total', 'Failed state storage operations (conflict: a stale eTag).', ['operation', 'kind']);
    this.rateLimitedTotal = counter('rate_limited_total', 'Requests refused with 429, by route.', ['route']);
    const ruleSet = new Gauge({ name: 'crampbot_rule_set_info', help: 'The triage rule set this instance runs (value 1).', labelNames: ['version'], registers });
    ruleSet.set({ version: safeVersion(options.ruleSetVersion) }, 1);
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    this.startAtZero();
  }

  /** The text `GET /metrics` serves. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  turn(channelId: string | undefined, type: string | undefined, seconds: number): void {
    const channel = channelLabel(channelId);
    this.turns.inc({ channel, type: oneOf(type, ACTIVITY_TYPES) });
    this.turnSeconds.observe({ channel }, seconds);
  }

  turnFailed(cause: 'storage' | 'other'): void {
    this.turnErrors.inc({ cause });
  }

  /** A reply stated a triage level (it carried the triage entity). */
  levelStated(level: string, rules: readonly string[]): void {
    this.levels.inc({ level: oneOf(level, LEVELS) });
    for (const rule of rules) this.rules.inc({ rule: this.ruleIds.has(rule) ? rule : 'other' });
  }

  intent(intent: string): void {
    this.intents.inc({ intent: oneOf(intent, INTENTS) });
  }

  command(command: string): void {
    this.commands.inc({ command: oneOf(command, COMMANDS) });
  }

  notUnderstood(reason: NotUnderstoodReason): void {
    this.notUnderstoodTotal.inc({ reason: oneOf(reason, NOT_UNDERSTOOD) });
  }

  clarified(): void {
    this.clarifications.inc();
  }

  clarificationPicked(topic: string): void {
    this.clarificationPicks.inc({ topic: oneOf(topic, CLARIFICATION_PICKS) });
  }

  askedAtOnce(question: string, answer: string): void {
    this.askedAtOnceTotal.inc({ question: oneOf(question, this.questionIds), answer: oneOf(answer, RED_FLAG_ANSWERS) });
  }

  promptRetried(question: string | undefined): void {
    this.retries.inc({ question: oneOf(question, QUESTION_LABELS) });
  }

  promptGaveUp(question: string | undefined): void {
    this.giveUps.inc({ question: oneOf(question, QUESTION_LABELS) });
  }

  guideStarted(): void {
    this.guideStartedTotal.inc();
  }

  guideCompleted(level: string): void {
    this.guideCompletedTotal.inc({ level: oneOf(level, LEVELS) });
  }

  guideAbandoned(question: string | undefined, reason: GuideAbandonReason): void {
    this.guideAbandonedTotal.inc({ question: oneOf(question, QUESTION_LABELS), reason: oneOf(reason, ABANDON_REASONS) });
  }

  feedback(channelId: string | undefined, rating: FeedbackRating, about: string | undefined): void {
    this.feedbackTotal.inc({ channel: channelLabel(channelId), rating: oneOf(rating, ['up', 'down']), about: oneOf(about ?? 'unknown', FEEDBACK_ABOUT) });
  }

  storageFailed(operation: 'read' | 'write' | 'delete', kind: 'conflict' | 'failure'): void {
    this.storageErrors.inc({ operation, kind });
  }

  rateLimited(route: 'messages' | 'directline' | 'other'): void {
    this.rateLimitedTotal.inc({ route });
  }

  /** The series an operator alerts on exist from the start at 0, so rate() and absent() work before the first event. */
  private startAtZero(): void {
    for (const level of LEVELS) this.levels.inc({ level }, 0);
    for (const level of LEVELS) this.guideCompletedTotal.inc({ level }, 0);
    for (const reason of NOT_UNDERSTOOD) this.notUnderstoodTotal.inc({ reason }, 0);
    for (const cause of ['storage', 'other']) this.turnErrors.inc({ cause }, 0);
    for (const route of ['messages', 'directline']) this.rateLimitedTotal.inc({ route }, 0);
    this.guideStartedTotal.inc(0);
    this.clarifications.inc(0);
  }
}

export function channelLabel(channelId: string | undefined): string {
  return oneOf(channelId, KNOWN_CHANNELS);
}

function oneOf(value: string | undefined, known: readonly string[]): string {
  return value !== undefined && known.includes(value) ? value : 'other';
}

/** A rule-set version is data from the corpus: kept only when it looks like one. */
function safeVersion(version: string): string {
  return /^[\w.:+-]{1,40}$/.test(version) ? version : 'other';
}
