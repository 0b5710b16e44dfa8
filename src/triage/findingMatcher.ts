/** What one message states, and what it mentions only to deny. */
export interface Findings {
  /** Findings stated (at least one mention that is not negated). */
  present: Set<string>;
  /** Findings mentioned only negated: "no swelling". */
  negated: Set<string>;
}

const NEGATION =
  /\b(?:no|not|never|without|nor|neither|none|nothing|denies|deny|free of|absence of)\b(?!\s+(?:sure|certain|idea|clue|matter|only|just|long|longer|go\w*|gone|went|eas\w*|stop\w*|improv\w*|help\w*|better|settl\w*|let|heal\w*|budg\w*|shift\w*|wear|pass\w*|relax\w*|release\w*|calm\w*|work\w*|doubt|fit\b|able|been able))/g;
const STRONG_BOUNDARY =
  /[.!?;:\n()]+|\s-\s|\b(?:but|however|although|though|yet|except|whereas|because|since|so|when|whenever|while|whilst|until|after|then|now|apart from|other than)\b|\b(?:and|&|plus)\s+(?=(?:now|then|also|suddenly|today|tonight|i|my|it|there|she|he|the|this|that|we|they|his|her|am|is|have|has|had|was|cannot)\b)/g;
const COMMA = /,/g;
const OWN_NEGATION = /(?<![a-z])(?:no|not|never|cannot|nothing|without|none)(?![a-z])/;
/** "swelling? no", "swollen: none", "chest pain - nope": a finding answered no right after it. */
const ANSWERED_NO = /^\s*[:?\-]+\s*(?:no|none|nope|nah|not really|never)\b/;
const SENTENCE_END = /[.!?;]\s|[.!?;]$|\n/;
/** Words that make a comma-separated part a clause of its own rather than an item of a list. */
const CLAUSE_WORDS = /\b(?:i|my|me|it|its|he|she|we|they|his|her|now|cannot|unable|am|is|are|was|have|has|had|feel|feels|felt)\b/;
const NEGATION_WINDOW_WORDS = 5;

/**
 * Finds the findings (concepts of corpus/triage.yml) in one normalised message, honouring negation.
 *
 * @remarks A negation ("no", "not", "never", "without", …) cancels a finding only inside its own clause and
 * only a few words ahead of it: "no swelling, but I cannot breathe" keeps the breathlessness, "my leg is not
 * swollen" drops the swelling. Clauses end at full stops and the like, at "but", "because", "when", …, at
 * "and" followed by a new subject ("and now", "and my"), and at commas, except that a short list after a
 * negation ("no swelling, redness or warmth") stays negated when the list ends with "or"/"nor". A finding
 * answered right after it ("swelling? no", "chest pain: none") is negated too.
 */
export class FindingMatcher {
  private readonly concepts: Array<{ name: string; patterns: Array<{ pattern: RegExp; ownNegation: boolean }> }>;

  constructor(concepts: Record<string, string[]>, macros: Record<string, string>) {
    this.concepts = Object.entries(concepts).map(([name, patterns]) => {
      const expanded = patterns.map((pattern) => expandMacros(String(pattern), macros));
      // Patterns that spell out a negation themselves ("cannot breathe", "will not go away") are matched
      // apart from the others, so that a negation inside them is not read as cancelling them.
      const own = expanded.filter((pattern) => OWN_NEGATION.test(pattern));
      const plain = expanded.filter((pattern) => !OWN_NEGATION.test(pattern));
      const compile = (list: string[]) => {
        try {
          return new RegExp(`(?<![a-z0-9])(?:${list.join('|')})(?![a-z0-9])`, 'g');
        } catch (error) {
          throw new Error(`corpus/triage.yml: concept ${name} has a bad pattern: ${(error as Error).message}`);
        }
      };
      const compiled: Array<{ pattern: RegExp; ownNegation: boolean }> = [];
      if (plain.length) compiled.push({ pattern: compile(plain), ownNegation: false });
      if (own.length) compiled.push({ pattern: compile(own), ownNegation: true });
      return { name, patterns: compiled };
    });
  }

  /** The findings in a normalised text (see TextNormaliser). */
  find(text: string): Findings {
    const clauses = new ClauseMap(text);
    const present = new Set<string>();
    const negated = new Set<string>();
    for (const { name, patterns } of this.concepts) {
      let mentioned = false;
      let stated = false;
      for (const { pattern, ownNegation } of patterns) {
        pattern.lastIndex = 0;
        for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
          const found = match[0];
          if (found.length === 0 || SENTENCE_END.test(found)) {
            pattern.lastIndex = match.index + 1;
            continue;
          }
          mentioned = true;
          const end = match.index + found.length;
          if (!clauses.isNegated(match.index) && (ownNegation || !clauses.hasNegationInside(match.index, end)) && !ANSWERED_NO.test(text.slice(end, end + 16))) {
            stated = true;
            break;
          }
          pattern.lastIndex = match.index + 1;
        }
        if (stated) break;
      }
      if (stated) present.add(name);
      else if (mentioned) negated.add(name);
    }
    return { present, negated };
  }
}

function expandMacros(pattern: string, macros: Record<string, string>): string {
  let out = pattern;
  for (let round = 0; round < 3 && /\{[A-Z_]+\}/.test(out); round++) {
    out = out.replace(/\{([A-Z_]+)\}/g, (whole, name: string) => macros[name] ?? whole);
  }
  return out;
}

/** Where clauses start and where negations sit, for one text. */
class ClauseMap {
  private readonly strongStarts: number[] = [0];
  private readonly commas: number[] = [];
  private readonly negations: Array<{ start: number; end: number }> = [];

  constructor(private readonly text: string) {
    for (const match of text.matchAll(STRONG_BOUNDARY)) this.strongStarts.push(match.index + match[0].length);
    for (const match of text.matchAll(COMMA)) this.commas.push(match.index);
    for (const match of text.matchAll(NEGATION)) this.negations.push({ start: match.index, end: match.index + match[0].length });
  }

  isNegated(at: number): boolean {
    if (this.negations.length === 0 || this.negations[0]!.start >= at) return false;
    const clauseStart = lastAtOrBefore(this.strongStarts, at) ?? 0;
    const commaBefore = lastBefore(this.commas, at);
    const segmentStart = commaBefore !== undefined && commaBefore >= clauseStart ? commaBefore + 1 : clauseStart;
    if (this.negatedWithin(segmentStart, at)) return true;
    if (segmentStart === clauseStart) return false;
    return this.negatedListItem(clauseStart, segmentStart, at);
  }

  /** A negation inside a match ("calf cramped last night, no swelling"; "leg is not swollen"). */
  hasNegationInside(start: number, end: number): boolean {
    return this.negations.some((negation) => negation.start >= start && negation.start < end);
  }

  /** A negation between from and at, close enough to at. */
  private negatedWithin(from: number, at: number): boolean {
    for (let i = this.negations.length - 1; i >= 0; i--) {
      const negation = this.negations[i]!;
      if (negation.start >= at) continue;
      if (negation.start < from) return false;
      return wordCount(this.text.slice(negation.end, at)) <= NEGATION_WINDOW_WORDS;
    }
    return false;
  }

  /** "no swelling, redness or warmth": the items after the comma share the negation. */
  private negatedListItem(clauseStart: number, segmentStart: number, at: number): boolean {
    const segmentEnd = this.segmentEnd(at);
    const items = [this.text.slice(segmentStart, segmentEnd)];
    let start = segmentStart - 1; // the comma
    let listEndsWithOr = /\b(?:or|nor)\b/.test(items[0]!);
    // Later items of the same list may carry the "or".
    let next = segmentEnd;
    while (!listEndsWithOr && next < this.text.length && this.text[next] === ',') {
      const end = this.segmentEnd(next + 1);
      const item = this.text.slice(next + 1, end);
      if (!isListItem(item)) break;
      listEndsWithOr = /\b(?:or|nor)\b/.test(item);
      next = end;
    }
    if (!listEndsWithOr || !isListItem(items[0]!)) return false;
    // Walk back over earlier items to the part that holds the negation.
    while (start > clauseStart) {
      const commaBefore = lastBefore(this.commas, start);
      const itemStart = commaBefore !== undefined && commaBefore >= clauseStart ? commaBefore + 1 : clauseStart;
      const item = this.text.slice(itemStart, start);
      if (this.negatedWithin(itemStart, start) || /^\s*(?:no|not|nor|never|without)\b/.test(item)) return true;
      if (!isListItem(item)) return false;
      start = itemStart - 1;
    }
    return false;
  }

  private segmentEnd(from: number): number {
    let end = this.text.length;
    const comma = this.commas.find((position) => position >= from);
    if (comma !== undefined) end = comma;
    const strong = this.strongStarts.find((position) => position > from);
    if (strong !== undefined && strong < end) end = strong;
    return end;
  }
}

function isListItem(item: string): boolean {
  return wordCount(item) <= 5 && !CLAUSE_WORDS.test(item);
}

function wordCount(text: string): number {
  const words = text.match(/[a-z0-9']+/g);
  return words ? words.length : 0;
}

function lastAtOrBefore(sorted: number[], at: number): number | undefined {
  let found: number | undefined;
  for (const position of sorted) {
    if (position > at) break;
    found = position;
  }
  return found;
}

function lastBefore(sorted: number[], at: number): number | undefined {
  let found: number | undefined;
  for (const position of sorted) {
    if (position >= at) break;
    found = position;
  }
  return found;
}
