import { deletions, editDistance } from '../understanding/natural';

/**
 * Corrects a word to the corpus vocabulary when it is one edit away (a letter missing, extra, wrong or
 * two letters swapped): "hlep" → "help", "magnisium" → "magnesium", "statns" → "statins".
 *
 * @remarks Uses the symmetric-delete trick: every known word is indexed under itself and its one-letter
 * deletions, so a lookup costs a handful of map reads. Short words (under 4 letters) and numbers are
 * never corrected: "bp" and "111" must stay what they are.
 */
export class SpellingCorrector {
  private readonly known: Map<string, number>;
  private readonly byDeletion = new Map<string, string[]>();

  constructor(wordCounts: ReadonlyMap<string, number>) {
    this.known = new Map(wordCounts);
    const words = [...wordCounts.keys()].sort();
    for (const word of words) {
      if (!isCorrectable(word)) continue;
      for (const variant of [word, ...deletions(word)]) {
        const list = this.byDeletion.get(variant) ?? [];
        if (!list.includes(word)) list.push(word);
        this.byDeletion.set(variant, list);
      }
    }
  }

  /** The vocabulary it corrects to, with counts: what it is built from, so a saved model can rebuild it. */
  wordCounts(): Array<[string, number]> {
    return [...this.known];
  }

  /** The known word closest to `word` (the most frequent on a tie), or `word` itself. */
  correct(word: string): string {
    if (this.known.has(word) || !isCorrectable(word)) return word;
    let best: string | undefined;
    let bestCount = 0;
    for (const variant of [word, ...deletions(word)]) {
      for (const candidate of this.byDeletion.get(variant) ?? []) {
        if (!withinOneEdit(word, candidate)) continue;
        const count = this.known.get(candidate) ?? 0;
        if (count > bestCount || (count === bestCount && best !== undefined && candidate < best)) {
          best = candidate;
          bestCount = count;
        }
      }
    }
    return best ?? word;
  }
}

function isCorrectable(word: string): boolean {
  return word.length >= 4 && !/\d/.test(word);
}

function withinOneEdit(a: string, b: string): boolean {
  return editDistance(a, b) <= 1;
}
