import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpusArtefact, type CorpusArtefact } from '../corpusArtefact';
import { MODEL_CODE_FILES, NgramLogisticRegression, type SerializedLogisticRegression } from '../nlu/logisticRegression';
import type { LabelledText } from '../nlu/textClassifier';

const RED_FLAG = 'red_flag';
/** Longer messages are not given to the model (the bot does not classify them either, SPEC §7). */
const MAX_READ_CHARS = 1000;
const NONE = 'none';

/** One labelled message for the second opinion: does it carry an emergency or urgent red flag? */
export interface SecondOpinionExample {
  text: string;
  redFlag: boolean;
}

/**
 * A statistical second opinion on triage (UNDERSTANDING.md): the project's n-gram logistic regression trained on
 * the regression cases (red flag or not) and on the intent corpus's questions (not), scoring how much a message
 * reads like a red flag the rules may have missed.
 *
 * @remarks It can only raise a level (see RuleTriageEngine), never lower one. Its threshold is corpus/triage.yml's,
 * raised when the model is trained to the score that only GP_SHARE of the regression suite's GP messages reach: the
 * model is retrained with every batch folded in, and its scores move with it (folding in FQ and FR, 260 cases, took
 * the GP messages at or above 0.6 from 7 to 70 of 3,499), so the share it may raise is what stays fixed.
 */
export class RedFlagSecondOpinion {
  private constructor(
    private readonly model: NgramLogisticRegression,
    readonly threshold: number,
  ) {}

  /** The model trained on the corpus's cases: from the build artefact, or trained now when the corpus changed. */
  static load(corpusDir: string, floor: number): RedFlagSecondOpinion {
    const { model, gpCut } = loadCorpusArtefact(secondOpinionArtefact(corpusDir));
    return new RedFlagSecondOpinion(NgramLogisticRegression.deserialize(model), Math.max(floor, gpCut));
  }

  /** Probability that the message carries a red flag, in [0, 1]. */
  score(text: string): number {
    return this.model.rank(text).find((scored) => scored.label === RED_FLAG)?.score ?? 0;
  }

  /** Whether a message reads like a red flag; only for messages of chat length (a long one is read by the rules alone). */
  flags(text: string): boolean {
    return text.length <= MAX_READ_CHARS && this.score(text) >= this.threshold;
  }
}

/**
 * The training set: the newest message of every regression case (corpus/triage-cases.yml and the folded probe
 * batches), a red flag when its level is emergency or urgent, and the intent corpus's phrasings as not.
 */
export function secondOpinionExamples(corpusDir: string): SecondOpinionExample[] {
  // Required here, not at the top: only building the artefact reads the cases (start-up does not parse YAML).
  const { loadNluCorpus } = require('../nlu/nluCorpus') as typeof import('../nlu/nluCorpus');
  return [
    ...newestMessages(corpusDir).map(({ text, level }) => ({ text, redFlag: level === 'emergency' || level === 'urgent' })),
    ...loadNluCorpus(corpusDir).examples.map((example) => ({ text: example.text, redFlag: false })),
  ];
}

/** The newest message of every regression case that is learnt from, with the case's level. */
function newestMessages(corpusDir: string): Array<{ text: string; level: string }> {
  const { loadVignettes } = require('./triageCases') as typeof import('./triageCases');
  return (
    loadVignettes(corpusDir)
      // A fragment after earlier messages ("since tues", "feel proper ill") has its level only with them: learnt alone,
      // "feel proper ill" labelled urgent raised "both legs are swollen" and a dozen GP cases of fever with cramps.
      .filter((vignette) => vignette.messages.length === 1 || wordCount(vignette.messages[vignette.messages.length - 1]!) > FRAGMENT_WORDS)
      .map((vignette) => ({ text: vignette.messages[vignette.messages.length - 1]!, level: vignette.level }))
  );
}

/** A newest message of this many words or fewer, after others, is not learnt from (see secondOpinionExamples). */
const FRAGMENT_WORDS = 3;

/** The share of the regression suite's GP messages that may reach the threshold (see RedFlagSecondOpinion). */
const GP_SHARE = 0.005;

/** The model, and the score that only GP_SHARE of the GP messages it learnt from reach. */
interface SecondOpinionModel {
  model: SerializedLogisticRegression;
  gpCut: number;
}

const wordCount = (text: string): number => text.trim().split(/\s+/).length;

function trainModel(corpusDir: string): SecondOpinionModel {
  const labelled: LabelledText[] = secondOpinionExamples(corpusDir).map((example) => ({ text: example.text, intent: example.redFlag ? RED_FLAG : NONE }));
  const model = NgramLogisticRegression.train(labelled);
  const score = (text: string) => model.rank(text).find((scored) => scored.label === RED_FLAG)?.score ?? 0;
  const gpScores = newestMessages(corpusDir).filter(({ level }) => level === 'gp').map(({ text }) => score(text)).sort((a, b) => b - a);
  return { model: model.serialize(), gpCut: gpScores[Math.floor(gpScores.length * GP_SHARE)] ?? 0 };
}

/** The second opinion's trained model, built by `npm run build` (see src/corpusArtefact.ts). */
export function secondOpinionArtefact(corpusDir: string): CorpusArtefact<SecondOpinionModel> {
  const probes = join(corpusDir, 'triage-probes');
  const probeFiles = readdirSync(probes).filter((file) => file.endsWith('.yml')).sort().map((file) => join(probes, file));
  return {
    name: 'second-opinion',
    corpusFiles: [join(corpusDir, 'triage-cases.yml'), ...probeFiles, join(corpusDir, 'nlu.yml')],
    codeFiles: [__filename, ...MODEL_CODE_FILES, require.resolve('./triageCases')],
    build: () => trainModel(corpusDir),
  };
}
