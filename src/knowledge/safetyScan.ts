import { isTrustedSourceUrl } from './trustedSources';

/**
 * A lint for anything crampbot says, against the "never" list of SPEC §4 and medical.md §5.3:
 * doses, suggesting a prescription medicine or quinine, presenting a supplement as a treatment,
 * diagnosing, playing a symptom down, telling someone to stop or change a medicine, claiming to be a
 * clinician, and citing anything but NHS / NICE / GOV.UK / Cochrane pages.
 *
 * @remarks It is a net for mistakes in wording, not a proof of safety: it reads patterns, not meaning.
 * Deliberately allowed:
 * - negated, conditional or descriptive mentions within the same clause ("don't stop taking a prescribed
 *   medicine on your own", "if you have kidney disease", "before you try magnesium", "because you take
 *   quinine"), while "you could take quinine" is still flagged;
 * - "stop taking / stop treatment" inside an official quote: a quoted span (straight or curly double
 *   quotes) whose paragraph names the NHS or the MHRA before the quote, and which itself sends the
 *   person to a doctor, GP, pharmacist, 111, 999, A&E or a physician. That is how the NHS statin and
 *   MHRA quinine safety wording is quoted, e.g.
 *   `The NHS says to "stop taking … and call 111 or a doctor straight away if you get …"`.
 *
 * - the same advice paraphrased and attributed in its own sentence, which also sends the person to a clinician:
 *   `The NHS medicine pages for statins say to stop taking the statin and call 111 or a doctor straight away …`.
 *
 * @returns one line per problem, `"<kind>: <the words that matched>"`; empty when nothing was found.
 */
export function findSafetyProblems(text: string): string[] {
  const problems: string[] = [];
  const normalised = text.replace(/[\u2018\u2019]/g, "'");
  const quotes = officialQuoteSpans(normalised);
  const report = (kind: string, match: RegExpExecArray) => problems.push(`${kind}: "${match[0].trim()}"`);

  for (const match of matchAll(normalised, DOSE)) report('dose', match);

  for (const pattern of PRESCRIPTION_SUGGESTIONS) {
    for (const match of matchAll(normalised, pattern)) {
      if (!isNegatedOrConditional(normalised, match.index)) report('prescription medicine suggested', match);
    }
  }
  for (const match of matchAll(normalised, SUPPLEMENT_SUGGESTION)) {
    if (!isNegatedOrConditional(normalised, match.index)) report('supplement presented as a treatment', match);
  }
  for (const match of matchAll(normalised, SUPPLEMENT_CLAIM)) report('supplement presented as a treatment', match);

  for (const match of matchAll(normalised, DIAGNOSIS)) {
    if (!isConditional(normalised, match.index)) report('diagnosis', match);
  }
  for (const match of matchAll(normalised, RULING_OUT)) report('diagnosis', match);
  for (const match of matchAll(normalised, PLAYING_DOWN)) report('plays a symptom down', match);

  for (const pattern of [STOP_MEDICINE, CHANGE_MEDICINE]) {
    for (const match of matchAll(normalised, pattern)) {
      if (isNegatedOrConditional(normalised, match.index)) continue;
      if (quotes.some(([start, end]) => match.index >= start && match.index < end)) continue;
      if (isAttributedOfficialAdvice(normalised, match.index)) continue;
      report('tells someone to stop or change a medicine', match);
    }
  }

  for (const match of matchAll(normalised, CLAIMS_TO_BE_CLINICIAN)) report('claims to be a person or clinician', match);

  for (const match of matchAll(normalised, URL)) {
    if (!isTrustedSourceUrl(match[0])) report('untrusted source', match);
  }
  for (const match of matchAll(normalised, MIRROR_NAME)) report('untrusted source', match);

  return problems;
}

const NUMBER = String.raw`(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|half(?: an?)?|a couple of)`;
const DOSE_UNIT = String.raw`(?:mg|milligrams?|mcg|µg|ug|micrograms?|g|grams?|ml|millilit(?:re|er)s?|iu|i\.u\.|international units?|mmol|millimoles?|units?|tablets?|capsules?|pills?|sachets?|drops?|puffs?|teaspoons?)`;
const DOSE = new RegExp(String.raw`\b${NUMBER}(?:\s*(?:-|–|to|or)\s*\d+(?:[.,]\d+)?)?\s*${DOSE_UNIT}(?![\w])`, 'gi');

/** Prescription-only medicines people are told about for cramps, quinine first (medical.md §5.3). */
const PRESCRIPTION_MEDICINES = String.raw`(?:quinine|baclofen|gabapentin|pregabalin|diltiazem|verapamil|naftidrofuryl|orphenadrine|mexiletine|carisoprodol|cyclobenzaprine|tizanidine|dantrolene|diazepam|clonazepam|carbamazepine|methocarbamol)`;
const PRESCRIPTION_SUGGESTIONS = [
  new RegExp(String.raw`\b(?:take|try|use|start(?: taking| using)?|get|buy|order)\s+(?:some\s+|a\s+course\s+of\s+)?${PRESCRIPTION_MEDICINES}\b`, 'gi'),
  new RegExp(
    String.raw`\bask\s+(?:your|a|the)\s+(?:GP|doctor|pharmacist|nurse|prescriber|midwife)\s+(?:for|about|to\s+(?:prescribe|give\s+you|try)|(?:if|whether)\s+you\s+(?:can|could|should)\s+(?:have|take|try|get))\s+(?:some\s+|a\s+prescription\s+for\s+)?${PRESCRIPTION_MEDICINES}\b`,
    'gi',
  ),
  new RegExp(String.raw`\b(?:prescribe|prescribing|offer|give)\s+(?:you\s+)?(?:some\s+)?${PRESCRIPTION_MEDICINES}\b`, 'gi'),
  new RegExp(String.raw`\b${PRESCRIPTION_MEDICINES}(?:\s+tablets)?\s+(?:can|will|should|would|may|might|could)\s+(?:help|work|stop|ease|prevent|relieve|cure|fix)\b`, 'gi'),
];

const SUPPLEMENT_SUGGESTION =
  /\b(?:take|try|use|start(?: taking| using)?)\s+(?:some\s+|a\s+)?(?:magnesium|potassium|calcium|vitamin\s+[a-z0-9]+|b\s+vitamins|(?:a\s+)?supplements?|tonic\s+water|pickle\s+juice|salt\s+tablets)\b/gi;

const SUPPLEMENT_CLAIM =
  /\b(?:magnesium|potassium|calcium|vitamin\s+[a-z0-9]+|b\s+vitamins|supplements?|tonic\s+water|pickle\s+juice)\s+(?:(?:can|will|does|do|should|may|might|could|really|usually|often)\s+)?(?:help|helps|work|works|prevent|prevents|stop|stops|cure|cures|ease|eases|relieve|relieves|reduce|reduces)\b/gi;

const CONDITIONS = String.raw`(?:dvt|deep\s+vein\s+thrombosis|(?:a\s+)?blood\s+clot|(?:a\s+)?clot|thrombosis|pad|peripheral\s+arter(?:ial|y)\s+disease|restless\s+legs?(?:\s+syndrome)?|rls|(?:peripheral\s+)?neuropathy|rhabdomyolysis|rhabdo|compartment\s+syndrome|tetanus|pre-?eclampsia|sciatica|cauda\s+equina(?:\s+syndrome)?|motor\s+neurone\s+disease|mnd|heat\s?stroke|diabetes|thyroid\s+disease|kidney\s+disease|liver\s+disease|claudication|myopathy|(?:an?\s+)?infection|(?:night\s+|leg\s+|nocturnal\s+leg\s+|muscle\s+)?cramps?|(?:a\s+|an\s+)?[a-z-]+\s+(?:deficiency|disease|syndrome|disorder))`;
const DIAGNOSIS = new RegExp(
  String.raw`\byou(?:'ve|\s+have|\s+(?:probably|likely|may|might|could|must|definitely|clearly)\s+have|'re\s+suffering\s+from|\s+are\s+suffering\s+from)\s+(?:got\s+)?(?:a\s+|an\s+)?${CONDITIONS}\b`,
  'gi',
);
const RULING_OUT = new RegExp(String.raw`\byou\s+(?:don't|do\s+not|haven't\s+got|have\s+not\s+got|can't\s+have|cannot\s+have)\s+(?:have\s+)?(?:a\s+)?${CONDITIONS}\b`, 'gi');
const PLAYING_DOWN =
  /\b(?:it's|it\s+is|this\s+is|that's|that\s+is)\s+(?:just|only|probably\s+just|definitely|nothing\s+but)\s+(?:a\s+)?(?:cramps?|nothing)\b|\bnothing\s+to\s+worry\s+about\b|\bno\s+need\s+to\s+(?:see|call|worry)\b/gi;

const MEDICINE_WORDS = String.raw`(?:medicines?|medications?|tablets?|pills?|drugs?|treatment|prescription|statins?|water\s+tablets|diuretics?|inhalers?|atorvastatin|simvastatin|rosuvastatin|pravastatin|nifedipine|salbutamol|${PRESCRIPTION_MEDICINES})`;
const STOP_MEDICINE = new RegExp(
  String.raw`\b(?:stop|stopping|quit|discontinue|come\s+off)\s+(?:taking|using|(?:your|the|a|any|all|this|that)?\s*(?:prescribed\s+)?${MEDICINE_WORDS}\b)`,
  'gi',
);
const CHANGE_MEDICINE = /\b(?:reduce|lower|halve|double|increase|skip|miss|change)\s+(?:your|the)\s+(?:dose|doses|medicines?|medications?|tablets?|statin)\b/gi;

const CLAIMS_TO_BE_CLINICIAN = /\bI(?:'m|\s+am)\s+(?:a\s+|an\s+|your\s+)?(?:doctor|GP|nurse|clinician|pharmacist|physician|human|real\s+person|medical\s+professional)\b/gi;

const URL = /https?:\/\/[^\s)\]>"']+/gi;
const MIRROR_NAME = /\b(?:doctoori\.net|gubta\.com|zana\.com|developer\.api\.nhs\.uk|beta\.nhs\.uk)\b/gi;

const NEGATION_OR_CONDITION = /\b(?:don't|do\s+not|never|not|no|avoid|without|if|when|while|whether|before|unless|want\s+to|wants\s+to|thinking\s+of|planning\s+to|decide\s+to)\b/i;
const CONDITION_ONLY = /\b(?:if|when|whenever|while|whether|unless|once|do|did|in\s+case|think|worried|worry|wonder)\b/i;

/** A verb that describes what someone does ("because you take quinine"), not what they should do. */
const DESCRIBING = /\b(?:you|who|they|people|already)$/i;

/**
 * Whether the clause before `index` negates it, makes it conditional, or describes rather than tells
 * ("don't stop taking", "if you already take", "because you take"; but not "you could take").
 */
function isNegatedOrConditional(text: string, index: number): boolean {
  const before = clauseBefore(text, index, 3);
  return NEGATION_OR_CONDITION.test(before) || DESCRIBING.test(before);
}

function isConditional(text: string, index: number): boolean {
  return CONDITION_ONLY.test(clauseBefore(text, index, 2));
}

/** Up to `count` words before `index`, within the same clause (so "If so, take quinine" is not excused by "if"). */
function clauseBefore(text: string, index: number, count: number): string {
  const before = text.slice(0, index);
  const clauseStart = Math.max(...['.', ',', ';', ':', '\n', '(', '"', '\u201c'].map((mark) => before.lastIndexOf(mark)));
  const words = before.slice(clauseStart + 1).trim().split(/\s+/).filter(Boolean);
  return words.slice(-count).join(' ');
}

/** "The NHS … say(s) to stop …" in one sentence that also names a doctor, 111 or a physician. */
function isAttributedOfficialAdvice(text: string, index: number): boolean {
  const sentenceStart = Math.max(text.lastIndexOf('. ', index), text.lastIndexOf('\n', index)) + 1;
  const sentenceEnd = text.indexOf('. ', index) < 0 ? text.length : text.indexOf('. ', index);
  const lead = text.slice(sentenceStart, index);
  const sentence = text.slice(sentenceStart, sentenceEnd);
  return /\b(?:NHS|MHRA)\b[^.]*\b(?:say|says|tell|tells|advise|advises)\s+(?:you\s+|people\s+|patients\s+)?to\s*$/.test(lead) && /\b(?:doctor|GP|physician|111|999)\b/.test(sentence);
}

/** Spans [start, end) of quotes from the NHS or MHRA that send the person to a clinician (see remarks above). */
function officialQuoteSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const match of matchAll(text, /["\u201c]([^"\u201c\u201d]+)["\u201d]/g)) {
    const paragraphStart = text.lastIndexOf('\n\n', match.index) + 1;
    const lead = text.slice(paragraphStart, match.index);
    const attributed = /\b(?:NHS|MHRA)\b/.test(lead);
    const refers = /\b(?:doctor|GP|pharmacist|physician|111|999)\b|A&E/i.test(match[1]);
    if (attributed && refers) spans.push([match.index, match.index + match[0].length]);
  }
  return spans;
}

function matchAll(text: string, pattern: RegExp): RegExpExecArray[] {
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  global.lastIndex = 0;
  const matches: RegExpExecArray[] = [];
  for (let match = global.exec(text); match; match = global.exec(text)) {
    matches.push(match);
    if (match[0] === '') global.lastIndex++;
  }
  return matches;
}
