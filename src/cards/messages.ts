import { join } from 'node:path';
import { INTENTS, type Intent } from '../nlu/recognizer';
import { renderText, unknownPlaceholders, type RenderContext } from '../knowledge/renderAnswer';
import { loadCorpusArtefact, yamlArtefact, type CorpusArtefact } from '../corpusArtefact';

/** A button and the words that choose it, for a question of the guide. */
export interface ChoiceSpec {
  value: string;
  title: string;
  synonyms: string[];
}

export interface QuestionSpec {
  text: string;
  retry: string;
  choices: ChoiceSpec[];
}

interface TextWithActions {
  text: string;
  actions: string[];
}

export const COMMANDS = ['help', 'cancel', 'start_over', 'forget_me', 'terms', 'more', 'guide', 'accept', 'decline'] as const;
/** A user phrase that asks the bot to do something rather than asking about cramps. */
export type Command = (typeof COMMANDS)[number];

export const GUIDE_QUESTIONS = ['pattern', 'where', 'how_long', 'how_often', 'triggers'] as const;
export type GuideQuestion = (typeof GUIDE_QUESTIONS)[number];

export const LEVEL_NAMES = ['emergency', 'urgent', 'gp', 'self_care'] as const;
type LevelName = (typeof LEVEL_NAMES)[number];

/** Everything crampbot says that is not a knowledge answer or a rule's wording: corpus/messages.yml, filled for the region. */
export interface BotMessages {
  welcome: TextWithActions;
  greeting: TextWithActions;
  help: TextWithActions & { in_guide: string };
  /** The reply to a message out of scope; `after_level` when triage has just given that message a level. */
  fallback: TextWithActions & { after_level: string };
  /** The reply to a message with no Latin letters: the bot reads only English. */
  not_english: TextWithActions;
  /** The reply to an unclear question about leg cramps: a line, its topics' buttons and "something else". */
  clarify: {
    text: string;
    /** Answering intent → its button title (a shortcut back to it). */
    topics: Partial<Record<Intent, string>>;
    something_else: string;
    /** Normalised, with something_else itself. */
    something_else_phrases: string[];
    nothing_fits: string;
    nothing_fits_actions: string[];
  };
  goodbye: { text: string };
  cancel: { stopped: string; nothing: string; actions: string[] };
  start_over: TextWithActions;
  forget_me: { done: string };
  terms: { actions: string[] };
  more: { none: string; nothing_more: string; actions: string[] };
  bad_input: { empty: string; emoji_only: string; too_long: string; attachment: string; actions: string[] };
  answer: {
    sources_label: string;
    weak_evidence: string;
    actions: string[];
    offer_guide_after: Intent[];
    offer_guide: string;
    offer_actions: string[];
    declined: string;
    missing: string;
    children: string;
  };
  levels: {
    titles: Record<LevelName, string>;
    fallback: Record<LevelName, string>;
    urgent_footer: string;
    gp_footer: string;
    guide_stopped: string;
    emergency_reminder: string;
    after_urgent_actions: string[];
  };
  guide: {
    intro: string;
    gave_up: string;
    gave_up_red_flag: string;
    gave_up_actions: string[];
    red_flags_intro: string;
    red_flag_group: string;
    red_flag_group_retry: string;
    red_flag_retry: string;
    red_flag_choices: ChoiceSpec[];
    /** Before red-flag questions asked at once: before the answer, or after a level was said. */
    safety_intro: string;
    safety_after_level: string;
    /** After "no" to them: before the answer, or after a level was said. */
    safety_thanks: string;
    safety_thanks_after_level: string;
    advice_intro: string;
    advice_prevent_label: string;
    /** "So far: {facts}." and "Got it: {facts}.": what the guide understood, in one line. */
    so_far: string;
    got_it: string;
    /** How a correction starts ("no, it's my thigh"): said back instead of answered as a question. */
    correction_starts: string[];
    /** The words for each known fact ("calf", "at night", "you take a statin"). */
    fact_words: FactWords;
    trigger_advice: Record<string, string>;
    trigger_sources: Record<string, Array<{ title: string; url: string }>>;
    questions: Record<GuideQuestion, QuestionSpec>;
  };
  summary: {
    title: string;
    level_label: string;
    told_me_label: string;
    facts: Record<GuideQuestion | 'when', string>;
    none: string;
    /** For a fact the person did not give. */
    unknown: string;
    safety_net_label: string;
    safety_net: string;
    sources_label: string;
    disclaimer: string;
    start_again: string;
    follow_up: string;
    follow_up_actions: string[];
  };
  feedback: { question: string; helpful: string; not_helpful: string; thanks_up: string; thanks_down: string; actions: string[] };
  /** The phrases of each command, normalised (see normalisePhrase). */
  commands: Record<Command, string[]>;
  /** Normalised button title → the intent it asks for. */
  shortcuts: Record<string, Intent>;
}

export interface FactWords {
  now: Record<'true' | 'false', string>;
  site: Record<string, string>;
  when: Record<string, string>;
  how_long: Record<string, string>;
  how_often: Record<string, string>;
  triggers: Record<string, string>;
}

/** corpus/messages.yml is missing something or says something the bot cannot send. */
export class MessagesError extends Error {
  constructor(problem: string) {
    super(`corpus/messages.yml: ${problem}`);
    this.name = 'MessagesError';
  }
}

export function messagesArtefact(corpusDir: string): CorpusArtefact<Record<string, unknown>> {
  return yamlArtefact('messages', join(corpusDir, 'messages.yml'));
}

/**
 * Loads corpus/messages.yml with its `{placeholders}` filled for the region's services and the state TTL.
 * @throws MessagesError on a missing string, an unknown placeholder, an unknown intent in `shortcuts`, or
 *   more than 3 suggested actions in one message (Teams shows no more).
 */
export function loadBotMessages(corpusDir: string, context: RenderContext): BotMessages {
  const raw = loadCorpusArtefact(messagesArtefact(corpusDir));
  const problems: string[] = [];
  const filled = fill(raw, context, '', problems) as unknown as BotMessages;
  requireShape(filled, problems);
  if (problems.length > 0) throw new MessagesError(problems.join('; '));
  filled.shortcuts = Object.fromEntries(
    Object.entries(filled.shortcuts).map(([phrase, intent]) => [normalisePhrase(phrase), intent]),
  );
  filled.clarify.something_else_phrases = [filled.clarify.something_else, ...filled.clarify.something_else_phrases].map(normalisePhrase);
  // Normalised once here rather than on every message (commandFor compares normalised phrases).
  filled.commands = Object.fromEntries(
    COMMANDS.map((command) => [command, filled.commands[command].map(normalisePhrase)]),
  ) as BotMessages['commands'];
  return filled;
}

/** Lower case, no punctuation (a lone "?" stays), single spaces: how commands and shortcuts are compared. */
export function normalisePhrase(text: string): string {
  const trimmed = text.trim().toLowerCase().replace(/[\u2018\u2019]/g, "'");
  if (trimmed === '?') return '?';
  return trimmed
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The command a message is, if it is one of the phrases in `commands` (whole message, not a substring). */
export function commandFor(messages: BotMessages, text: string): Command | undefined {
  const phrase = normalisePhrase(text);
  if (!phrase) return undefined;
  const bare = withoutCourtesy(phrase);
  // The phrases in messages.commands are normalised when loaded.
  return COMMANDS.find((command) => messages.commands[command].some((wanted) => wanted === phrase || wanted === bare));
}

/** "can you walk me through it please" → "walk me through it". */
function withoutCourtesy(phrase: string): string {
  return phrase
    .replace(/^(?:(?:please|can you|could you|would you|will you|ok|okay|yes|right|so)\s+)+/, '')
    .replace(/(?:\s+(?:please|thanks|thank you))+$/, '');
}

/** The intent a button the bot offered asks for ("A cramp right now" → relief_now). */
export function shortcutFor(messages: BotMessages, text: string): Intent | undefined {
  return messages.shortcuts[normalisePhrase(text)];
}

/** Placeholders filled when the message is sent, not at start-up. */
const TURN_PLACEHOLDERS = ['question', 'facts'];

function fill(value: unknown, context: RenderContext, path: string, problems: string[]): unknown {
  if (typeof value === 'string') {
    for (const name of unknownPlaceholders(value).filter((name) => !TURN_PLACEHOLDERS.includes(name))) {
      problems.push(`${path}: unknown placeholder {${name}}`);
    }
    return renderText(value.trim(), context);
  }
  if (Array.isArray(value)) return value.map((item, index) => fill(item, context, `${path}[${index}]`, problems));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, fill(item, context, path ? `${path}.${key}` : key, problems)]),
    );
  }
  return value;
}

function requireShape(messages: BotMessages, problems: string[]): void {
  const text = (path: string, value: unknown) => {
    if (typeof value !== 'string' || value.trim() === '') problems.push(`${path} must be a non-empty string`);
  };
  const actions = (path: string, value: unknown) => {
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.trim() === '')) {
      problems.push(`${path} must be a list of button titles`);
    } else if (value.length > 3) {
      problems.push(`${path} has ${value.length} buttons; Teams shows at most 3`);
    }
  };
  const section = <T>(name: string, value: T | undefined): T | Record<string, never> => {
    if (!value || typeof value !== 'object') {
      problems.push(`${name} is missing`);
      return {};
    }
    return value;
  };
  const m = messages as unknown as Record<string, Record<string, unknown>>;
  for (const name of ['welcome', 'greeting', 'help', 'fallback', 'not_english', 'start_over']) {
    const s = section(name, m[name]);
    text(`${name}.text`, s.text);
    actions(`${name}.actions`, s.actions);
  }
  text('help.in_guide', section('help', m.help).in_guide);
  text('fallback.after_level', section('fallback', m.fallback).after_level);
  text('goodbye.text', section('goodbye', m.goodbye).text);
  const clarify = section('clarify', m.clarify);
  ['text', 'something_else', 'nothing_fits'].forEach((key) => text(`clarify.${key}`, clarify[key]));
  actions('clarify.nothing_fits_actions', clarify.nothing_fits_actions);
  if (!Array.isArray(clarify.something_else_phrases)) problems.push('clarify.something_else_phrases must list phrases');
  const shortcuts = Object.fromEntries(Object.entries(m.shortcuts ?? {}).map(([phrase, intent]) => [normalisePhrase(phrase), intent]));
  for (const [topic, title] of Object.entries(section('clarify.topics', clarify.topics as Record<string, unknown> | undefined))) {
    text(`clarify.topics.${topic}`, title);
    if (typeof title === 'string' && shortcuts[normalisePhrase(title)] !== topic) problems.push(`clarify.topics.${topic}: "${title}" must be a shortcut to ${topic}`);
  }
  const cancel = section('cancel', m.cancel);
  ['stopped', 'nothing'].forEach((key) => text(`cancel.${key}`, cancel[key]));
  actions('cancel.actions', cancel.actions);
  text('forget_me.done', section('forget_me', m.forget_me).done);
  actions('terms.actions', section('terms', m.terms).actions);
  const more = section('more', m.more);
  ['none', 'nothing_more'].forEach((key) => text(`more.${key}`, more[key]));
  actions('more.actions', more.actions);
  const bad = section('bad_input', m.bad_input);
  ['empty', 'emoji_only', 'too_long', 'attachment'].forEach((key) => text(`bad_input.${key}`, bad[key]));
  actions('bad_input.actions', bad.actions);
  const answer = section('answer', m.answer);
  ['sources_label', 'weak_evidence', 'offer_guide', 'declined', 'missing', 'children'].forEach((key) =>
    text(`answer.${key}`, answer[key]),
  );
  actions('answer.actions', answer.actions);
  actions('answer.offer_actions', answer.offer_actions);
  const offerAfter = answer.offer_guide_after;
  if (!Array.isArray(offerAfter) || offerAfter.some((intent) => !(INTENTS as readonly unknown[]).includes(intent))) {
    problems.push('answer.offer_guide_after must list intents');
  }
  const levels = section('levels', m.levels);
  for (const group of ['titles', 'fallback']) {
    const entries = section(`levels.${group}`, levels[group] as Record<string, unknown> | undefined);
    LEVEL_NAMES.forEach((level) => text(`levels.${group}.${level}`, entries[level]));
  }
  ['urgent_footer', 'gp_footer', 'guide_stopped', 'emergency_reminder'].forEach((key) => text(`levels.${key}`, levels[key]));
  actions('levels.after_urgent_actions', levels.after_urgent_actions);
  const guide = section('guide', m.guide);
  ['intro', 'gave_up', 'gave_up_red_flag', 'red_flags_intro', 'red_flag_group', 'red_flag_group_retry', 'red_flag_retry', 'safety_intro', 'safety_after_level', 'safety_thanks', 'safety_thanks_after_level', 'advice_intro', 'advice_prevent_label', 'so_far', 'got_it'].forEach(
    (key) => text(`guide.${key}`, guide[key]),
  );
  actions('guide.gave_up_actions', guide.gave_up_actions);
  if (!Array.isArray(guide.correction_starts) || guide.correction_starts.length === 0) problems.push('guide.correction_starts must list phrases');
  choices('guide.red_flag_choices', guide.red_flag_choices, problems);
  const questions = section('guide.questions', guide.questions as Record<string, Record<string, unknown>> | undefined);
  for (const name of GUIDE_QUESTIONS) {
    const question = section(`guide.questions.${name}`, questions[name]);
    text(`guide.questions.${name}.text`, question.text);
    text(`guide.questions.${name}.retry`, question.retry);
    choices(`guide.questions.${name}.choices`, question.choices, problems);
  }
  const triggerAdvice = section('guide.trigger_advice', guide.trigger_advice as Record<string, unknown> | undefined);
  const triggerChoices = (questions.triggers?.choices as ChoiceSpec[] | undefined) ?? [];
  for (const choice of triggerChoices.filter((item) => item.value !== 'none')) {
    text(`guide.trigger_advice.${choice.value}`, triggerAdvice[choice.value]);
  }
  const summary = section('summary', m.summary);
  ['title', 'level_label', 'told_me_label', 'none', 'unknown', 'safety_net_label', 'safety_net', 'sources_label', 'disclaimer', 'start_again', 'follow_up'].forEach(
    (key) => text(`summary.${key}`, summary[key]),
  );
  actions('summary.follow_up_actions', summary.follow_up_actions);
  const facts = section('summary.facts', summary.facts as Record<string, unknown> | undefined);
  [...GUIDE_QUESTIONS, 'when'].forEach((name) => text(`summary.facts.${name}`, facts[name]));
  const words = section('guide.fact_words', guide.fact_words as Record<string, Record<string, unknown>> | undefined);
  for (const field of ['now', 'site', 'when', 'how_long', 'how_often', 'triggers']) section(`guide.fact_words.${field}`, words[field]);
  const sources = section('guide.trigger_sources', guide.trigger_sources as Record<string, unknown> | undefined);
  for (const trigger of Object.keys(section('guide.fact_words.triggers', words.triggers))) {
    text(`guide.trigger_advice.${trigger}`, triggerAdvice[trigger]);
    if (!Array.isArray(sources[trigger]) || (sources[trigger] as unknown[]).length === 0) problems.push(`guide.trigger_sources.${trigger} must list a source`);
  }
  const feedback = section('feedback', m.feedback);
  ['question', 'helpful', 'not_helpful', 'thanks_up', 'thanks_down'].forEach((key) => text(`feedback.${key}`, feedback[key]));
  actions('feedback.actions', feedback.actions);
  const commands = section('commands', m.commands);
  for (const command of COMMANDS) {
    const phrases = commands[command];
    if (!Array.isArray(phrases) || phrases.length === 0) problems.push(`commands.${command} must list phrases`);
  }
  for (const [phrase, intent] of Object.entries(section('shortcuts', m.shortcuts))) {
    if (!(INTENTS as readonly unknown[]).includes(intent)) problems.push(`shortcuts."${phrase}": unknown intent ${String(intent)}`);
  }
}

function choices(path: string, value: unknown, problems: string[]): void {
  if (!Array.isArray(value) || value.length < 2) {
    problems.push(`${path} must list at least two choices`);
    return;
  }
  value.forEach((choice: Partial<ChoiceSpec>, index) => {
    if (typeof choice?.value !== 'string' || typeof choice.title !== 'string' || !Array.isArray(choice.synonyms)) {
      problems.push(`${path}[${index}] needs value, title and synonyms`);
    }
  });
}
