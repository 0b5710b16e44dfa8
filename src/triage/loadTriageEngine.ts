import type { Region } from '../config';
import { ConditionEvaluator } from './conditions';
import { readTriageRuleSet, TriageRulesError, type Condition, type QuestionSpec, type RedFlagRule, type RegionWording, type Source, type TriageRuleSet } from './ruleSet';
import { loadUnderstanding, type UnderstandingLayer } from '../understanding/understanding';
import { counts, deniedFor, presentFor, type Experiencer, type Finding, type MessageUnderstanding, type Whose } from '../understanding/findings';
import { RedFlagSecondOpinion } from './secondOpinion';
import {
  LEVELS,
  type RedFlagAnswer,
  type RedFlagQuestion,
  type RegionServices,
  type TriageEngine,
  type TriageLevel,
  type TriageResult,
  type TriageRuleSummary,
} from './triage';

/** "i am 14 and…": the writer is a child (the lexicon's child patterns say the same). */
const WRITER_UNDER_16 = /\bi am (?:only )?(?:[1-9]|1[0-5])\b(?! ?(?:weeks?|stone|kg|pounds|days?|months?|minutes?|hours?))/;

/** REGION names a region corpus/triage.yml has no numbers for. */
export class UnknownRegionError extends Error {
  constructor(region: string, known: string[]) {
    super(`unknown region "${region}" (known: ${known.join(', ')})`);
    this.name = 'UnknownRegionError';
  }
}

/** Loads corpus/triage.yml into a rule engine for the region; an unknown region throws UnknownRegionError. */
export function loadTriageEngine(corpusDir: string, region: Region, understanding: UnderstandingLayer = loadUnderstanding(corpusDir)): RuleTriageEngine {
  const ruleSet = readTriageRuleSet(corpusDir);
  let secondOpinion: RedFlagSecondOpinion | undefined;
  // Trained on first use: start-up does not wait for it.
  const lazySecondOpinion = () => (secondOpinion ??= RedFlagSecondOpinion.load(corpusDir, ruleSet.secondOpinion.threshold));
  return new RuleTriageEngine(ruleSet, region, understanding, lazySecondOpinion);
}

/** One person's findings on the recent messages together, and those the newest message gave. */
interface CombinedFindings {
  combined: ReadonlySet<string>;
  newest: ReadonlySet<string>;
}

/** Beyond this, a message is screened at its start and its end (red flags are often typed last). */
const SCREENED_CHARS = 40_000;
const MAX_ADVICE_RULES = 2;
/** Findings that say how a symptom goes, not that the writer has one ("they go off with stretching", "now"). */
const COURSE_ONLY = new Set(['eased', 'ongoing']);
/** The same with how long it lasted: "his calf was tight and hard, I rubbed it and it went after a few minutes" does not turn to the writer. */
const HOW_IT_WENT = new Set([...COURSE_ONLY, 'short_duration']);

/**
 * "my nan fell, on the floor all night", "shes so weak n her muscles hurt", then "wee looks really dark": a message that
 * does not name the writer ("I", "my", "me") goes on about the person the message before it was only about, the parts
 * that name no one included ("my son is 2, he has a tummy bug", then "only 1 wet nappy today, he cries with no tears").
 */
function carryWhose(messages: MessageUnderstanding[]): MessageUnderstanding[] {
  const onlyAboutOther = (message: MessageUnderstanding) => {
    // What is said of someone, not the form of the message or its setting ("my daughter is 18 months, she has had diarrhoea").
    const said = message.findings.filter((finding) => finding.category !== 'form' && finding.category !== 'context' && counts(finding));
    const whose = new Set(said.map((finding) => finding.experiencer));
    return whose.size === 1 && whose.has('other');
  };
  const namesNoWriter = (message: MessageUnderstanding) => !/\b(?:i|my|me|myself|mine)\b/.test(message.text);
  // Not the form of the message ("is that fine to hand out?" is the writer's question).
  const carried = (message: MessageUnderstanding) => ({
    ...message,
    findings: message.findings.map((finding) => (finding.category === 'form' ? finding : { ...finding, experiencer: 'other' as const })),
  });
  const out: MessageUnderstanding[] = [];
  for (const message of messages) {
    const before = out.at(-1);
    out.push(before && onlyAboutOther(before) && namesNoWriter(message) ? carried(message) : message);
  }
  return out;
}
const rank = (level: TriageLevel) => LEVELS.indexOf(level);

/**
 * The rule table of medical.md §2 as an engine (SPEC §4).
 *
 * @remarks assess() reads each message once through the understanding layer (src/understanding/), combines the
 * findings of the recent messages (a later "not swollen" withdraws an earlier "swollen") and reports every rule
 * that holds on them: "my calf is swollen and red" then "now I can't breathe" is E1. The writer's findings and
 * those of someone they mention are judged apart (see assess).
 */
export class RuleTriageEngine implements TriageEngine {
  readonly ruleSetVersion: string;
  readonly services: RegionServices;
  private readonly wording: RegionWording;
  private readonly conditions: ConditionEvaluator;
  private readonly rulesBySeverity: RedFlagRule[];
  private readonly ruleById: Map<string, RedFlagRule>;
  private readonly questionsBySeverity: QuestionSpec[];

  constructor(
    private readonly ruleSet: TriageRuleSet,
    region: string,
    readonly understanding: UnderstandingLayer,
    private readonly secondOpinion?: () => RedFlagSecondOpinion,
  ) {
    const wording = ruleSet.regions[region];
    if (!wording) throw new UnknownRegionError(region, Object.keys(ruleSet.regions));
    this.wording = wording;
    this.ruleSetVersion = ruleSet.version;
    this.services = {
      region,
      emergencyNumber: wording.emergencyNumber,
      emergencyLine: wording.emergencyLine,
      urgentService: wording.urgentService,
      doctor: wording.doctor,
      childAdvice: wording.childAdvice,
    };
    checkConcepts(ruleSet, understanding.conceptNames());
    this.conditions = new ConditionEvaluator(ruleSet.derived);
    // Stable sort: most severe level first, then the order of corpus/triage.yml.
    this.rulesBySeverity = [...ruleSet.rules].sort((a, b) => rank(b.level) - rank(a.level));
    this.ruleById = new Map(ruleSet.rules.map((rule) => [rule.id, rule]));
    this.questionsBySeverity = [...ruleSet.questions].sort((a, b) => rank(b.level) - rank(a.level));
  }

  assess(messages: readonly string[]): TriageResult {
    const texts = messages.filter((message): message is string => typeof message === 'string');
    if (texts.length === 0) return this.result('self_care', []);
    const understood = carryWhose(texts.map((text) => this.understand(text)));
    const self = this.combinedFor(understood, 'self');
    const other = this.combinedFor(understood, 'other');
    const anyone = this.combinedFor(understood, 'anyone');
    // Each person's findings are combined and judged apart: "my partner takes a statin" and "I get cramps" are
    // not a statin user with cramps; "my dad collapsed" is still an emergency to act on.
    const fired = new Set<RedFlagRule>(this.firedOn(self));
    // Someone else's findings count in full when the message is about them ("my wife's calf is red and swollen");
    // when the writer also describes their own symptoms, the other person is background and only an emergency
    // of theirs is said ("my dad takes water tablets, I got a cramp" is not the writer's GP referral).
    const writerHasSymptoms = understood.some((message) =>
      message.findings.some((finding) => finding.experiencer === 'self' && finding.category === 'finding' && !COURSE_ONLY.has(finding.concept) && counts(finding)),
    );
    for (const rule of this.firedOn(other)) if (!writerHasSymptoms || rule.level === 'emergency') fired.add(rule);
    // Who has what is a guess; for an emergency the guess must not split it ("my grandson swallowed my quinine"), nor
    // for any level when only the other person has a body part named and the writer names no body part, cramp or pain
    // of their own ("his calf cramped … I've massaged it, it's still rock solid": the writer's "still" is about his calf).
    const names = (whose: Experiencer, what: (finding: Finding) => boolean) =>
      understood.some((message) => message.findings.some((finding) => finding.experiencer === whose && counts(finding) && what(finding)));
    const bodyOrCramp = (finding: Finding) => finding.category === 'site' || finding.concept === 'cramp_word' || finding.concept === 'pain_any';
    const aboutTheOther = names('other', (finding) => finding.category === 'site') && !names('self', bodyOrCramp);
    for (const rule of this.firedOn(anyone)) if (rule.level === 'emergency' || aboutTheOther) fired.add(rule);
    const rules = this.withSecondOpinion(this.fromRules(this.rulesBySeverity.filter((rule) => fired.has(rule))), texts[texts.length - 1]!, understood[understood.length - 1]!);
    const ask = this.askAtOnce(rules.level, fired, [self, other, anyone]);
    const result = ask.length ? { ...rules, ask } : rules;
    // A child named in an earlier message is still the one meant unless a later message turns to the writer: "I", "my"
    // or "me" with a symptom of the writer's own ("Wee one is 10 days old", then "my left leg's been sore and puffy");
    // not "she's really hot now … when I press a glass on them".
    const writersOwn = (finding: Finding) => finding.experiencer === 'self' && counts(finding) && !HOW_IT_WENT.has(finding.concept) && (finding.category === 'finding' || finding.category === 'site');
    const writerTurns = (message: MessageUnderstanding) => /\b(?:i|my|me|myself)\b/.test(message.text) && message.findings.some(writersOwn);
    const lastChild = understood.map((message) => this.isAboutChild(message)).lastIndexOf(true);
    const aboutChild = lastChild >= 0 && !understood.slice(lastChild + 1).some(writerTurns);
    if (!aboutChild) return result;
    // Children are not triaged (signposting instead); a red flag of the rules is still said. The second opinion's guess
    // is not one: the child advice already sends them to their GP or NHS 111.
    const redFlag = (result.level === 'emergency' || result.level === 'urgent') && !result.secondOpinion;
    return redFlag ? { ...result, aboutChild: true } : { ...this.result('self_care', []), aboutChild: true, advice: this.wording.childAdvice };
  }

  /**
   * The statistical second opinion (src/triage/secondOpinion.ts) raises a GP result to urgent when the newest
   * message reads like a red flag the rules could not place. It never lowers a level, and it leaves self-care
   * alone: on the first-sight batches its gain was GP-level results that should have been urgent, while raising
   * self-care messages ("my calf hurts at night") would send ordinary cramps to a GP. A newest message with no
   * finding in it ("not sure", answering the guide) says nothing for the model to read, so it is not asked; nor is
   * one whose only findings are `unread` ones ("up to 10 minutes", answering the guide's question).
   */
  private withSecondOpinion(result: TriageResult, newest: string, read: MessageUnderstanding): TriageResult {
    const { unread } = this.ruleSet.secondOpinion;
    if (result.level !== 'gp' || !read.findings.some((finding) => finding.category === 'finding' && !unread.includes(finding.concept))) return result;
    if (!this.secondOpinion?.().flags(newest)) return result;
    const level = 'urgent';
    return {
      ...result,
      level,
      secondOpinion: true,
      advice: joinSentences([this.wording.instructions[level], this.fill(this.ruleSet.secondOpinion.wording)]),
    };
  }

  negatedWords(text: string): ReadonlySet<string> {
    return this.understanding.negatedWords(text);
  }

  /** What the layer read in one message (a very long message is read at its start and its end). */
  understand(text: string): MessageUnderstanding {
    const screened = text.length > SCREENED_CHARS ? `${text.slice(0, SCREENED_CHARS / 2)}\n${text.slice(-SCREENED_CHARS / 2)}` : text;
    return this.understanding.understand(screened);
  }

  /**
   * One person's findings on the recent messages together: what the conversation says now. A later "not swollen"
   * withdraws an earlier "swollen"; the form of a message (a general question) counts only for the newest. Saying a
   * level once, not at every message, is the bot's job (it remembers what it said).
   */
  private combinedFor(understood: MessageUnderstanding[], person: Whose): CombinedFindings {
    const newest = presentFor(understood[understood.length - 1]!, person);
    const combined = new Set<string>();
    for (const message of understood) {
      const present = presentFor(message, person);
      // "no swelling" withdraws an earlier "swollen"; "my chest is fine" an earlier chest pain.
      const denied = [...deniedFor(message, person), ...[...present].flatMap((name) => this.understanding.deniesOf(name))];
      for (const name of this.understanding.withFamilies(denied)) combined.delete(name);
      for (const name of present) if (!denied.includes(name)) combined.add(name);
    }
    for (const name of this.ruleSet.perMessage) if (!newest.has(name)) combined.delete(name);
    return { combined, newest };
  }

  /** The rules that hold on one person's findings. */
  private firedOn({ combined }: CombinedFindings): RedFlagRule[] {
    return this.rulesBySeverity.filter((rule) => this.conditions.holds(rule.when, combined) !== undefined);
  }

  /**
   * The red-flag questions to ask at once (issue 12): a question's `ask_when` signs hold for someone, the newest
   * message gave one of them, and none of its rules fired, while the level is below the question's. The words of a
   * red flag vary without end; the signs on the way to it ("a pallet fell on my thigh, now it's swollen") vary less,
   * so the person is asked rather than the bot guessing.
   */
  private askAtOnce(level: TriageLevel, fired: ReadonlySet<RedFlagRule>, people: CombinedFindings[]): string[] {
    const firedIds = new Set([...fired].map((rule) => rule.id));
    return this.questionsBySeverity
      .filter((question) => question.askWhen !== undefined && rank(question.level) > rank(level) && !question.rules.some((id) => firedIds.has(id)))
      .filter((question) =>
        people.some(({ combined, newest }) => [...(this.conditions.holds(question.askWhen!, combined) ?? [])].some((name) => newest.has(name))),
      )
      .map((question) => question.id);
  }

  questions(): RedFlagQuestion[] {
    return this.questionsBySeverity.map(({ id, text, level, rules }) => ({ id, text, level, rules: [...rules] }));
  }

  /**
   * "yes" gives the question's level. "unsure" gives one level below it, but never below gp: an unsure
   * emergency question gives urgent, an unsure urgent or gp question gives gp. The highest level wins.
   */
  assessAnswers(answers: Readonly<Record<string, RedFlagAnswer>>): TriageResult {
    const questions = new Map(this.ruleSet.questions.map((question) => [question.id, question]));
    let level: TriageLevel = 'self_care';
    const contributions: Array<{ level: TriageLevel; rules: string[]; unsure: boolean; id: string }> = [];
    for (const [id, answer] of Object.entries(answers)) {
      const question = questions.get(id);
      if (!question) throw new Error(`assessAnswers: unknown red-flag question "${id}"`);
      if (answer === 'no') continue;
      if (answer !== 'yes' && answer !== 'unsure') throw new Error(`assessAnswers: "${id}" has answer "${String(answer)}"`);
      const answerLevel = answer === 'yes' ? question.level : LEVELS[Math.max(rank('gp'), rank(question.level) - 1)]!;
      contributions.push({ level: answerLevel, rules: question.rules, unsure: answer === 'unsure', id });
      if (rank(answerLevel) > rank(level)) level = answerLevel;
    }
    const top = contributions.filter((contribution) => contribution.level === level);
    const ruleIds = unique(contributions.sort((a, b) => rank(b.level) - rank(a.level)).flatMap((c) => c.rules));
    const unsure = contributions.filter((contribution) => contribution.unsure).map((contribution) => contribution.id);
    const certain = top.filter((contribution) => !contribution.unsure).flatMap((contribution) => contribution.rules);
    const wordings = certain.length
      ? unique(certain).slice(0, MAX_ADVICE_RULES).map((id) => this.fill(this.ruleById.get(id)!.wording))
      : top.length
        ? [this.fill(this.ruleSet.unsureWording)]
        : [];
    const sources = uniqueSources(top.flatMap((contribution) => contribution.rules).map((id) => this.ruleById.get(id)!));
    return {
      level,
      rules: ruleIds,
      ruleSetVersion: this.ruleSetVersion,
      advice: joinSentences([this.wording.instructions[level], ...wordings]),
      ...(unsure.length ? { unsure } : {}),
      ...(sources.length ? { sources } : {}),
    };
  }

  aboutChild(text: string): boolean {
    return this.isAboutChild(this.understand(text));
  }

  catalogue(): TriageRuleSummary[] {
    return this.ruleSet.rules.map((rule) => ({
      id: rule.id,
      level: rule.level,
      wording: this.fill(rule.wording),
      sources: rule.sources.map((source) => ({ ...source })),
      ...(rule.review ? { review: rule.review } : {}),
    }));
  }

  /** A child is named as the one with the symptoms (or writes: "im 14"); a pregnancy or a birth is the writer's own. */
  private isAboutChild(message: MessageUnderstanding): boolean {
    const concepts = new Set(message.findings.filter((finding) => !finding.negated && !finding.hypothetical).map((finding) => finding.concept));
    // "my son (he's 34)": a son or daughter who is an adult.
    const adultsOnly = message.ages.length > 0 && message.ages.every((age) => age >= 16);
    const child = message.findings.find((finding) => finding.concept === 'child');
    if (!child) return false;
    // Whose body it is: the parts of the leg named, or when none is, the symptoms ("now" says when, not whose: "lifting
    // my son out of his wheelchair last week, now I can't feel …").
    const sites = message.findings.filter((finding) => finding.category === 'site');
    const body = sites.length > 0 ? sites : message.findings.filter((finding) => finding.category === 'finding' && finding.concept !== 'ongoing');
    // "woke the baby … my foot", "my daughter's been great, … my left thigh aches": a child named, the writer's own body
    // and only theirs, named before the child or with "I", "my" or "me" said apart from naming the child.
    const childAfterBody = body.every((finding) => finding.end <= child.start);
    const writerOnly =
      body.length > 0 &&
      body.every((finding) => finding.experiencer === 'self') &&
      (childAfterBody || /\b(?:i|my|me)\b/.test(message.text.slice(0, child.start) + message.text.slice(child.end))) &&
      !WRITER_UNDER_16.test(message.text);
    // "my husband … a fat sore leg … the kids are screaming": a grown-up named before the body, the child only after it;
    // not the one named with an age under 16 ("My brother he is 11 years old").
    const adult = message.findings.find((finding) => finding.concept === 'adult_named');
    const agedChild = adult !== undefined && /^\s*(?:(?:he|she) is\s*)?$/.test(message.text.slice(adult.end, child.start));
    const grownUps = adult !== undefined && !agedChild && adult.end <= child.start && body.every((finding) => finding.start >= adult.end) && childAfterBody;
    return concepts.has('child') && !adultsOnly && !writerOnly && !grownUps && !concepts.has('postpartum') && !concepts.has('pregnant');
  }

  private fromRules(fired: RedFlagRule[]): TriageResult {
    const level = fired[0]?.level ?? 'self_care';
    const reported = fired.filter((rule) => level === 'self_care' || rule.level !== 'self_care');
    return this.result(
      level,
      reported,
      reported.filter((rule) => rule.level === level),
    );
  }

  private result(level: TriageLevel, reported: RedFlagRule[], top: RedFlagRule[] = []): TriageResult {
    const wordings = top.slice(0, MAX_ADVICE_RULES).map((rule) => this.fill(rule.wording));
    const advice = top.length ? joinSentences([this.wording.instructions[level], ...wordings]) : '';
    const sources = uniqueSources(top);
    return {
      level,
      rules: reported.map((rule) => rule.id),
      ruleSetVersion: this.ruleSetVersion,
      advice,
      ...(sources.length ? { sources } : {}),
    };
  }

  private fill(text: string): string {
    const values: Record<string, string> = {
      emergencyNumber: this.wording.emergencyNumber,
      urgentService: this.wording.urgentService,
      urgentContact: this.wording.urgentContact,
      doctor: this.wording.doctor,
    };
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole).trim();
  }
}

/** Rules may name only concepts of the lexicon or findings derived from them. */
function checkConcepts(ruleSet: TriageRuleSet, concepts: string[]): void {
  const known = new Set([...concepts, ...Object.keys(ruleSet.derived)]);
  const names = (condition: Condition): string[] =>
    typeof condition === 'string' ? [condition] : [...(condition.all ?? []), ...(condition.any ?? []), ...(condition.none ?? [])].flatMap(names);
  const used = [
    ...ruleSet.rules.map((rule) => rule.when),
    ...ruleSet.questions.flatMap((question) => (question.askWhen === undefined ? [] : [question.askWhen])),
    ...Object.values(ruleSet.derived),
    ...ruleSet.perMessage,
    ...ruleSet.secondOpinion.unread,
  ];
  for (const name of used.flatMap(names)) if (!known.has(name)) throw new TriageRulesError(`a rule names "${name}", which is not a concept of corpus/understanding/lexicon.yml`);
}

function joinSentences(parts: string[]): string {
  return parts
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function uniqueSources(rules: RedFlagRule[]): Source[] {
  const byUrl = new Map<string, Source>();
  for (const rule of rules) for (const source of rule.sources) if (!byUrl.has(source.url)) byUrl.set(source.url, { ...source });
  return [...byUrl.values()];
}
