import { NgramLogisticRegression } from '../nlu/logisticRegression';
import { loadNluCorpus } from '../nlu/nluCorpus';
import type { LabelledText } from '../nlu/textClassifier';
import { loadVignettes } from './triageCases';

const RED_FLAG = 'red_flag';
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
 * @remarks It can only raise a level (see RuleTriageEngine), never lower one, and its threshold is chosen by
 * cross-validation on the regression cases so that few self-care messages cross it.
 */
export class RedFlagSecondOpinion {
  private constructor(
    private readonly model: NgramLogisticRegression,
    readonly threshold: number,
  ) {}

  static train(examples: readonly SecondOpinionExample[], threshold: number): RedFlagSecondOpinion {
    const labelled: LabelledText[] = examples.map((example) => ({ text: example.text, intent: example.redFlag ? RED_FLAG : NONE }));
    return new RedFlagSecondOpinion(NgramLogisticRegression.train(labelled), threshold);
  }

  /** Probability that the message carries a red flag, in [0, 1]. */
  score(text: string): number {
    return this.model.rank(text.slice(0, 500)).find((scored) => scored.label === RED_FLAG)?.score ?? 0;
  }

  flags(text: string): boolean {
    return this.score(text) >= this.threshold;
  }
}

/**
 * The training set: the newest message of every regression case (corpus/triage-cases.yml and the folded probe
 * batches), a red flag when its level is emergency or urgent, and the intent corpus's phrasings as not.
 */
export function secondOpinionExamples(corpusDir: string): SecondOpinionExample[] {
  return [
    ...loadVignettes(corpusDir).map((vignette) => ({
      text: vignette.messages[vignette.messages.length - 1]!,
      redFlag: vignette.level === 'emergency' || vignette.level === 'urgent',
    })),
    ...loadNluCorpus(corpusDir).examples.map((example) => ({ text: example.text, redFlag: false })),
  ];
}
