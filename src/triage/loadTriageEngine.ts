import type { Region } from '../config';
import { ConditionEvaluator } from './conditions';
import { FindingMatcher, type Findings } from './findingMatcher';
import { readTriageRuleSet, type RedFlagRule, type RegionWording, type Source, type TriageRuleSet } from './ruleSet';
import { TextNormaliser } from './textNormaliser';
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

/** REGION names a region corpus/triage.yml has no numbers for. */
export class UnknownRegionError extends Error {
  constructor(region: string, known: string[]) {
    super(`unknown region "${region}" (known: ${known.join(', ')})`);
    this.name = 'UnknownRegionError';
  }
}

/** Loads corpus/triage.yml into a rule engine for the region; an unknown region throws UnknownRegionError. */
export function loadTriageEngine(corpusDir: string, region: Region): TriageEngine {
  return new RuleTriageEngine(readTriageRuleSet(corpusDir), region);
}

/** Beyond this, a message is screened at its start and its end (red flags are often typed last). */
const SCREENED_CHARS = 40_000;
const MAX_ADVICE_RULES = 2;
const CACHED_MESSAGES = 256;
const CACHED_CHARS = 2_000;
const rank = (level: TriageLevel) => LEVELS.indexOf(level);

/**
 * The rule table of medical.md §2 as an engine (SPEC §4).
 *
 * @remarks assess() combines the findings of the recent messages (a later "not swollen" withdraws an
 * earlier "swollen"), and reports a rule when it holds on the newest message alone, or on the combination
 * with at least one of its findings stated in the newest message: "my calf is swollen and red" then
 * "now I can't breathe" is E1; a later "thanks" does not repeat it.
 */
export class RuleTriageEngine implements TriageEngine {
  readonly ruleSetVersion: string;
  readonly services: RegionServices;
  private readonly wording: RegionWording;
  private readonly normaliser: TextNormaliser;
  private readonly matcher: FindingMatcher;
  private readonly conditions: ConditionEvaluator;
  private readonly rulesBySeverity: RedFlagRule[];
  private readonly ruleById: Map<string, RedFlagRule>;
  private readonly findingsCache = new Map<string, Findings>();

  constructor(
    private readonly ruleSet: TriageRuleSet,
    region: string,
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
    this.normaliser = new TextNormaliser(ruleSet.spelling, ruleSet.fuzzy, ruleSet.notTypos);
    this.matcher = new FindingMatcher(ruleSet.concepts, ruleSet.macros);
    this.conditions = new ConditionEvaluator(ruleSet.derived);
    // Stable sort: most severe level first, then the order of corpus/triage.yml.
    this.rulesBySeverity = [...ruleSet.rules].sort((a, b) => rank(b.level) - rank(a.level));
    this.ruleById = new Map(ruleSet.rules.map((rule) => [rule.id, rule]));
  }

  assess(messages: readonly string[]): TriageResult {
    const texts = messages.filter((message): message is string => typeof message === 'string');
    if (texts.length === 0) return this.result('self_care', []);
    const findings = texts.map((text) => this.findingsOf(text));
    const newest = findings[findings.length - 1]!.present;
    const combined = new Set<string>();
    for (const { present, negated } of findings) {
      for (const name of negated) if (!present.has(name)) combined.delete(name);
      for (const name of present) combined.add(name);
    }
    for (const name of this.ruleSet.perMessage) if (!newest.has(name)) combined.delete(name);
    // combined always holds every finding of the newest message; when it holds nothing more (often), a rule
    // that fails on the newest message fails on combined too, and need not be evaluated twice.
    const nothingEarlier = combined.size === newest.size;
    const fired = this.rulesBySeverity.filter((rule) => {
      if (this.conditions.holds(rule.when, newest)) return true;
      if (nothingEarlier) return false;
      const used = this.conditions.holds(rule.when, combined);
      return used !== undefined && [...used].some((name) => newest.has(name));
    });
    const result = this.fromRules(fired);
    const aboutChild =
      this.isAboutChild(texts[texts.length - 1]!) ||
      (texts.slice(0, -1).some((text) => this.isAboutChild(text)) && !/\b(?:i|my|me|myself)\b/.test(this.normaliser.normalise(texts[texts.length - 1]!)));
    if (!aboutChild) return result;
    const redFlag = result.level === 'emergency' || result.level === 'urgent';
    return { ...result, aboutChild: true, advice: redFlag ? result.advice : this.wording.childAdvice };
  }

  questions(): RedFlagQuestion[] {
    return [...this.ruleSet.questions]
      .sort((a, b) => rank(b.level) - rank(a.level))
      .map(({ id, text, level, rules }) => ({ id, text, level, rules: [...rules] }));
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
    return this.isAboutChild(text);
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

  private isAboutChild(text: string): boolean {
    const { present } = this.findingsOf(text);
    return present.has('child') && !present.has('postpartum') && !present.has('pregnant');
  }

  private findingsOf(text: string): Findings {
    const cached = this.findingsCache.get(text);
    if (cached) return cached;
    const screened = text.length > SCREENED_CHARS ? `${text.slice(0, SCREENED_CHARS / 2)}\n${text.slice(-SCREENED_CHARS / 2)}` : text;
    const findings = this.matcher.find(this.normaliser.normalise(screened));
    // The recent messages come back every turn; long ones are cheap enough to screen again.
    if (text.length <= CACHED_CHARS) {
      if (this.findingsCache.size >= CACHED_MESSAGES) this.findingsCache.delete(this.findingsCache.keys().next().value!);
      this.findingsCache.set(text, findings);
    }
    return findings;
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
