/**
 * Turns what people type into the plain form the rule patterns are written against:
 * lower case, straight apostrophes, contractions spelt out ("can't" → "cannot", "isn't" → "is not"),
 * uncertainty phrases folded into "unsure" (so "not sure if it's swollen" is never read as a negation),
 * known typos and slang fixed, and key words recognised one typing slip away ("sweling", "pregnnat").
 */
export class TextNormaliser {
  private readonly spelling: Map<string, string>;
  private readonly fuzzyByLength = new Map<number, string[]>();
  private readonly keepAsIs: Set<string>;
  private readonly corrections = new Map<string, string>();

  constructor(spelling: Record<string, string>, fuzzy: string[], notTypos: string[]) {
    this.spelling = new Map(Object.entries(spelling).map(([from, to]) => [from.toLowerCase(), String(to).toLowerCase()]));
    for (const word of fuzzy) {
      const list = this.fuzzyByLength.get(word.length) ?? [];
      list.push(word.toLowerCase());
      this.fuzzyByLength.set(word.length, list);
    }
    this.keepAsIs = new Set([...fuzzy, ...notTypos].map((word) => word.toLowerCase()));
  }

  normalise(text: string): string {
    let out = text
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/\u2013|\u2014/g, ' - ');
    out = out
      .replace(/\bcan'?t\b/g, 'cannot')
      .replace(/\bcan not\b/g, 'cannot')
      .replace(/\bwon'?t\b/g, 'will not')
      .replace(/\bshan't\b/g, 'shall not')
      .replace(/\bain't\b/g, 'is not')
      .replace(/n't\b/g, ' not')
      .replace(/\bi'm\b/g, 'i am')
      .replace(/\b(i|you|we|they)'ve\b/g, '$1 have')
      .replace(/\b(i|you|we|they|he|she|it)'ll\b/g, '$1 will')
      .replace(/\b(i|you|we|they|he|she)'d\b/g, '$1 would')
      .replace(/\b(you|we|they)'re\b/g, '$1 are')
      .replace(/\b(it|that|there|he|she|what|who)'s\b/g, '$1 is');
    // "sweeeelling", "pleeeease": three or more of a letter become two.
    out = out.replace(/([a-z])\1{2,}/g, '$1$1');
    out = out.replace(/[a-z]+/g, (word) => this.correct(word));
    out = out
      .replace(/\b(?:(?:do|did|does) not know|not (?:really |100% |totally |entirely )?(?:sure|certain)|cannot tell|could not tell|cannot say|no idea|hard to say|hard to tell)\b/g, 'unsure')
      .replace(/[ \t]+/g, ' ');
    return out;
  }

  private correct(word: string): string {
    const fixed = this.spelling.get(word);
    if (fixed !== undefined) return fixed;
    if (word.length < 6 || this.keepAsIs.has(word)) return word;
    const cached = this.corrections.get(word);
    if (cached !== undefined) return cached;
    let best = word;
    for (const length of [word.length, word.length - 1, word.length + 1]) {
      const candidate = this.fuzzyByLength.get(length)?.find((key) => withinOneEdit(word, key));
      if (candidate) {
        best = candidate;
        break;
      }
    }
    if (this.corrections.size < 50_000) this.corrections.set(word, best);
    return best;
  }
}

/** True when a and b differ by at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
