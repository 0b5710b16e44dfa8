import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpusArtefact, type CorpusArtefact } from '../corpusArtefact';
import { LEVELS, type TriageLevel } from './triage';

/** A condition over findings: a finding's name, or all / any / none of further conditions. */
export type Condition = string | { all?: Condition[]; any?: Condition[]; none?: Condition[] };

export interface Source {
  title: string;
  url: string;
}

/** One row of the rule table (medical.md §2), as written in corpus/triage.yml. */
export interface RedFlagRule {
  id: string;
  level: TriageLevel;
  when: Condition;
  /** "could be a sign of …, which needs checking"; {emergencyNumber}, {urgentService}, {urgentContact}, {doctor} are filled per region. */
  wording: string;
  sources: Source[];
  /** Why a clinician must still look at this rule, when the research says so. */
  review?: string;
}

export interface RegionWording {
  emergencyNumber: string;
  emergencyLine: string;
  urgentService: string;
  urgentContact: string;
  doctor: string;
  childAdvice: string;
  instructions: Record<TriageLevel, string>;
}

export interface QuestionSpec {
  id: string;
  level: TriageLevel;
  rules: string[];
  text: string;
  /** Signs on the way to the question's rules (`ask_when`): when they hold and the rules do not, the bot asks at once. */
  askWhen?: Condition;
}

/** corpus/triage.yml, checked. */
export interface TriageRuleSet {
  version: string;
  /** Findings about the form of one message ("a general question"), not carried over to later messages. */
  perMessage: string[];
  derived: Record<string, Condition>;
  rules: RedFlagRule[];
  regions: Record<string, RegionWording>;
  questions: QuestionSpec[];
  unsureWording: string;
  /**
   * When the second opinion may raise a level, and what is said then; `unread`: concepts that alone give the model
   * nothing to read (a duration answering the guide: "up to 10 minutes").
   */
  secondOpinion: { threshold: number; wording: string; unread: string[] };
}

/** corpus/triage.yml is missing something the engine needs; the message says what. */
export class TriageRulesError extends Error {
  constructor(message: string) {
    super(`corpus/triage.yml: ${message}`);
    this.name = 'TriageRulesError';
  }
}

/** corpus/triage.yml parsed and checked: built by `npm run build`, read from the corpus when it changed. */
export function triageRulesArtefact(corpusDir: string): CorpusArtefact<TriageRuleSet> {
  return { name: 'triage-rules', corpusFiles: [join(corpusDir, 'triage.yml')], codeFiles: [__filename], build: () => parseTriageRuleSet(corpusDir) };
}

export function readTriageRuleSet(corpusDir: string): TriageRuleSet {
  return loadCorpusArtefact(triageRulesArtefact(corpusDir));
}

function parseTriageRuleSet(corpusDir: string): TriageRuleSet {
  // The parser is required only to build: start-up reads the artefact.
  const { parse } = require('yaml') as typeof import('yaml');
  const raw = parse(readFileSync(join(corpusDir, 'triage.yml'), 'utf8')) as Partial<TriageRuleSet> | null;
  if (!raw || typeof raw !== 'object') throw new TriageRulesError('empty');
  const ruleSet: TriageRuleSet = {
    version: String(raw.version ?? ''),
    perMessage: raw.perMessage ?? [],
    derived: raw.derived ?? {},
    rules: raw.rules ?? [],
    regions: raw.regions ?? {},
    questions: (raw.questions ?? []).map(({ ask_when, ...question }: QuestionSpec & { ask_when?: Condition }) => ({ ...question, ...(ask_when ? { askWhen: ask_when } : {}) })),
    unsureWording: String(raw.unsureWording ?? ''),
    secondOpinion: {
      threshold: Number(raw.secondOpinion?.threshold ?? 1.1),
      wording: String(raw.secondOpinion?.wording ?? ''),
      unread: (raw.secondOpinion?.unread ?? []).map(String),
    },
  };
  checkRuleSet(ruleSet);
  return ruleSet;
}

function checkRuleSet(set: TriageRuleSet): void {
  if (!set.version) throw new TriageRulesError('version is missing');
  if (!set.unsureWording) throw new TriageRulesError('unsureWording is missing');
  if (!set.secondOpinion.wording) throw new TriageRulesError('secondOpinion.wording is missing');
  // Whether each name is a concept of the lexicon is checked when the engine is built (loadTriageEngine).
  const checkCondition = (where: string, condition: Condition): void => {
    if (typeof condition === 'string') {
      if (!condition) throw new TriageRulesError(`${where} has an empty finding name`);
      return;
    }
    if (!condition || typeof condition !== 'object') throw new TriageRulesError(`${where} has an empty condition`);
    for (const part of [...(condition.all ?? []), ...(condition.any ?? []), ...(condition.none ?? [])]) checkCondition(where, part);
  };
  for (const [name, condition] of Object.entries(set.derived)) checkCondition(`derived ${name}`, condition);
  for (const name of set.perMessage) checkCondition('perMessage', name);
  const ids = new Set<string>();
  for (const rule of set.rules) {
    if (!rule.id || ids.has(rule.id)) throw new TriageRulesError(`rule id "${rule.id}" is missing or repeated`);
    ids.add(rule.id);
    if (!LEVELS.includes(rule.level)) throw new TriageRulesError(`rule ${rule.id} has unknown level "${rule.level}"`);
    if (!rule.wording?.trim()) throw new TriageRulesError(`rule ${rule.id} has no wording`);
    if (!rule.sources?.length) throw new TriageRulesError(`rule ${rule.id} has no source`);
    checkCondition(`rule ${rule.id}`, rule.when);
  }
  for (const question of set.questions) {
    if (!LEVELS.includes(question.level)) throw new TriageRulesError(`question ${question.id} has unknown level`);
    for (const id of question.rules) if (!ids.has(id)) throw new TriageRulesError(`question ${question.id} names unknown rule ${id}`);
    if (question.askWhen !== undefined) checkCondition(`question ${question.id} ask_when`, question.askWhen);
  }
  for (const [region, wording] of Object.entries(set.regions)) {
    for (const level of LEVELS) {
      if (typeof wording.instructions?.[level] !== 'string') throw new TriageRulesError(`region ${region} has no ${level} instruction`);
    }
  }
}
