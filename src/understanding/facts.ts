import { counts, type Finding, type MessageUnderstanding } from './findings';

/** The guide's vocabulary of likely triggers (SPEC §6, `crampbot facts`). */
export const TRIGGERS = ['exercise', 'statin', 'diuretic', 'other_medicine', 'pregnancy', 'dehydration', 'alcohol', 'age_over_60', 'heat'] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const SITES = ['calf', 'thigh', 'foot', 'shin', 'hamstring'] as const;
export type Site = (typeof SITES)[number];

export const WHENS = ['night', 'exercise', 'rest', 'day'] as const;
export type When = (typeof WHENS)[number];

export const HOW_LONG = ['short', 'up_to_10', 'over_10'] as const;
export type HowLong = (typeof HOW_LONG)[number];

export const HOW_OFTEN = ['rarely', 'weekly', 'nightly'] as const;
export type HowOften = (typeof HOW_OFTEN)[number];

/**
 * What the person has said about their cramps, for the guide (SPEC §3 "the guide listens"). `null` where not said;
 * kept in conversation state (forgotten with it by "forget me"), never logged as text.
 */
export interface CrampFacts {
  /** A cramp is happening now (true), or they keep coming back / happened before (false). */
  now: boolean | null;
  site: Site | null;
  when: When | null;
  howLong: HowLong | null;
  howOften: HowOften | null;
  triggers: Trigger[];
  /** Weeks of pregnancy, when said. */
  pregnancyWeeks?: number;
  /** What the guide's buttons add beyond the trigger vocabulary: "sitting" (long sitting or standing), "condition". */
  otherFactors?: string[];
  /** The message says the cramp has passed ("it's gone now"): only then does "now" turn back to false. */
  crampEnded?: boolean;
}

export function noFacts(): CrampFacts {
  return { now: null, site: null, when: null, howLong: null, howOften: null, triggers: [] };
}

const WHEN_PRIORITY: readonly When[] = ['exercise', 'rest', 'night', 'day'];

/** Short cramps up to this many minutes are "seconds to minutes"; over ten is longer than a cramp should be. */
const SHORT_MINUTES = 3;
const LONG_MINUTES = 10;

/**
 * The facts one message states about the writer (negated, hypothetical and other people's mentions do not count).
 * @remarks The site named first wins ("calf cramps, sometimes my foot" → calf).
 */
export function factsSaid(message: MessageUnderstanding): Partial<CrampFacts> {
  // In text order; of two matches that start together, the longer ("back of my leg above the knee").
  // A cramp asked about ("is it normal to get cramps?") is not one described.
  const own = message.findings
    .filter((finding) => finding.experiencer === 'self' && counts(finding))
    .filter((finding) => !(finding.concept === 'cramp_described' && message.questions.includes(finding.sentence)))
    .filter((finding) => !message.generalQuestions?.includes(finding.sentence))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  // A general question ("do statins cause cramps?") says nothing about the writer's own cramps or triggers.
  const generalQuestion = own.some((finding) => finding.concept === 'general_question');
  const classOf = (values: readonly string[], category: string) =>
    own.find((finding: Finding) => finding.category === category && finding.class !== undefined && values.includes(finding.class))?.class;
  const said: Partial<CrampFacts> = {};
  // A cramp described and not happening now happened before; a general question ("do cramps go away?") says neither.
  const nowOrNot = classOf(['now', 'recurring'], 'time');
  const ended = own.some((finding) => finding.concept === 'eased');
  if (nowOrNot && !generalQuestion) said.now = !ended && own.some((finding) => finding.class === 'now');
  if (ended) said.crampEnded = true;
  const site = classOf(SITES, 'site');
  if (site) said.site = site as Site;
  // "after my evening jog" is exercise, "evenings on the sofa" rest: a named activity outranks a time of day.
  const when = WHEN_PRIORITY.find((value) => own.some((finding) => finding.category === 'time' && finding.class === value));
  if (when) said.when = when;
  // A cramp told together with the sport that came before it ("ran a half marathon, my hamstring keeps seizing").
  else if (own.some((finding) => finding.concept === 'cramp_word') && own.some((finding) => finding.trigger === 'exercise')) said.when = 'exercise';
  const howOften = classOf(HOW_OFTEN, 'time');
  if (howOften) said.howOften = howOften as HowOften;
  const howLong = howLongOf(message, own);
  if (howLong) said.howLong = howLong;
  const triggers = new Set((generalQuestion ? [] : own).map((finding) => finding.trigger).filter((trigger): trigger is Trigger => (TRIGGERS as readonly string[]).includes(trigger ?? '')));
  if (message.age !== undefined && message.age >= 60) triggers.add('age_over_60');
  if (triggers.size > 0) said.triggers = TRIGGERS.filter((trigger) => triggers.has(trigger));
  if (message.pregnancyWeeks !== undefined && triggers.has('pregnancy')) said.pregnancyWeeks = message.pregnancyWeeks;
  return said;
}

function howLongOf(message: MessageUnderstanding, own: Finding[]): HowLong | undefined {
  if (message.durationMinutes !== undefined && own.some((finding) => finding.concept === 'cramp_word' || finding.category === 'time')) {
    if (message.durationMinutes <= SHORT_MINUTES) return 'short';
    return message.durationMinutes <= LONG_MINUTES ? 'up_to_10' : 'over_10';
  }
  if (own.some((finding) => finding.concept === 'short_duration')) return 'short';
  if (own.some((finding) => finding.concept === 'long_duration')) return 'over_10';
  return undefined;
}

/** The facts known after a message: what it says replaces what was known ("no, it's my thigh"); triggers add up. */
export function mergeFacts(known: CrampFacts, said: Partial<CrampFacts>): CrampFacts {
  const triggers = [...new Set([...known.triggers, ...(said.triggers ?? [])])];
  // A cramp said to be happening now stays "now" when the person goes on to say they keep coming back.
  const now = said.now === false && known.now === true && !said.crampEnded ? true : (said.now ?? known.now);
  return {
    now,
    site: said.site ?? known.site,
    when: said.when ?? known.when,
    howLong: said.howLong ?? known.howLong,
    howOften: said.howOften ?? known.howOften,
    triggers: TRIGGERS.filter((trigger) => triggers.includes(trigger)),
    ...((said.pregnancyWeeks ?? known.pregnancyWeeks) !== undefined ? { pregnancyWeeks: said.pregnancyWeeks ?? known.pregnancyWeeks } : {}),
    ...(known.otherFactors || said.otherFactors ? { otherFactors: [...new Set([...(known.otherFactors ?? []), ...(said.otherFactors ?? [])])] } : {}),
  };
}

/** What `crampbot facts` prints for one line (SPEC §6). */
export function factsLine(text: string, said: Partial<CrampFacts>) {
  return {
    text,
    now: said.now ?? null,
    site: said.site ?? null,
    when: said.when ?? null,
    triggers: said.triggers ?? [],
    ...(said.pregnancyWeeks !== undefined ? { weeks: said.pregnancyWeeks } : {}),
  };
}
