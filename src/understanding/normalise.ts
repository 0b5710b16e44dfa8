/**
 * The one text normaliser of the project: what the intent classifier, the understanding layer and the guide's
 * prompts all read.
 *
 * Lower case, Unicode-normalised (NFKC), accents taken off Latin letters ("magnézium" → "magnezium", one slip from
 * "magnesium"; Maltese "bugħawwieġ" → "bughawwieg"), Teams mentions and markup removed, curly quotes and dashes made
 * plain, contractions spelt out ("can't" → "cannot", "isn't" → "is not", "I'm" → "i am") so that a negation is always
 * the same word (Scots "cannae", "didnae" and Doric "canna", "winna" too), punctuation said aloud to a phone's
 * dictation written as the mark ("full stop" → "."), a plus between words written "plus", a letter typed three or more
 * times cut to two ("sweeeelling" → "sweelling"), a leg or foot emoji written as the word, whitespace collapsed, and
 * one-word sentences in a row joined into one clause. Apostrophes that are left ("calf's") become nothing ("calfs").
 */
export function normaliseText(text: string): string {
  let out = (text ?? '')
    .replace(MENTION, ' ')
    .replace(TAG, ' ')
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(LATIN_ACCENT, '')
    .normalize('NFC')
    .replace(LATIN_LETTER, (letter) => LATIN_LETTERS[letter]!)
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, ' - ')
    .replace(/&nbsp;/g, ' ')
    .replace(BODY_EMOJI, (emoji: string) => ` ${BODY_EMOJI_WORDS[emoji]} `);
  for (const [pattern, replacement] of CONTRACTIONS) out = out.replace(pattern, replacement);
  out = out.replace(DICTATED, (_said: string, words: string) => DICTATED_MARKS[words]);
  return out
    .replace(/'/g, '')
    .replace(/([a-z])\1{2,}/g, '$1$1')
    .replace(/[ \t]+/g, ' ')
    .trim()
    .replace(FRAGMENTS, (run) => run.split('. ').join(', '));
}

/**
 * One-word sentences in a row are one clause ("calf. hot. red. why" → "calf, hot, red, why"), so that a finding can
 * read its leg; a yes, a no or an ok stays a sentence of its own ("swollen? no." answers what came before).
 */
const FRAGMENT_WORD = String.raw`(?!(?:not|nope|none|never|nah|yes|yeah|yep|okay)\b)[a-z]{3,}`;
const FRAGMENTS = new RegExp(String.raw`(?<=^|[.!?] )${FRAGMENT_WORD}(?:\. ${FRAGMENT_WORD})+(?=[.!?]?$|[.!?] )`, 'g');

/** A leg or a foot typed as an emoji ("🦵⚡😭 at 4am again"); other emoji say too many things to read as words. */
const BODY_EMOJI_WORDS: Record<string, string> = { '\u{1F9B5}': 'leg', '\u{1F9B6}': 'foot' };
const BODY_EMOJI = new RegExp(`[${Object.keys(BODY_EMOJI_WORDS).join('')}]`, 'gu');

/** A combining accent on a Latin letter; other scripts' marks (Devanagari vowel signs) are part of their letters. */
const LATIN_ACCENT = /(?<=[a-z])[\u0300-\u036f]+/g;
/** Latin letters with a stroke or a ligature, which no accent comes off. */
const LATIN_LETTERS: Record<string, string> = { ħ: 'h', ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ı: 'i', æ: 'ae', œ: 'oe', ß: 'ss' };
const LATIN_LETTER = new RegExp(`[${Object.keys(LATIN_LETTERS).join('')}]`, 'g');

const MENTION = /<at\b[^>]*>.*?<\/at>/gis;
const TAG = /<[^>]+>/g;

/** Punctuation said aloud and sent uncorrected by dictation: "hurts when i stand up question mark breathing is fine". */
const DICTATED_MARKS: Record<string, string> = {
  'full stop': '. ',
  'question mark': '? ',
  'exclamation mark': '! ',
  'new paragraph': '. ',
  'new line': '. ',
};
const DICTATED = new RegExp(` *\\b(${Object.keys(DICTATED_MARKS).join('|')})\\b`, 'g');

/**
 * Words that follow "it's", "calf's" or "foot's" (typed "its", "calfs", "foots") when the 's is "is" or "has"; "after"
 * is Irish English ("me calf's after swellin up": it has just swollen), "aw" Scots for "all" ("ma calf's aw swollen").
 */
const SAID_OF_IT = '(?:aw|after|swelling|swelled|warm|tight|aching|throbbing|been|gone|going|getting|got|not|very|really|so|a|all|still|too|just|like|swollen|cold|red|hot|numb|white|blue|pale|hard|sore|painful|killing|agony|turned|bin|in|bent|broken|twisted|puffy|purple|black|mottled|bruised|stiff|weak|dead|bleeding)\\b';

/** Typed with or without the apostrophe ("cant", "dont"): both are spelt out. */
const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\bcan'?t\b/g, 'cannot'],
  [/\bcan not\b/g, 'cannot'],
  // Scots with "-nae" and Doric with "-na": "cannae", "canna", "winna shift", "disna".
  [/\bcannae?\b/g, 'cannot'],
  [/\b(do|does|did|is|was|were|has|have|had|could|should|would|will|must)nae?\b/g, '$1 not'],
  [/\bdinnae?\b/g, 'do not'],
  [/\b(?:winnae?|wilnae?)\b/g, 'will not'], // "winnae shift", "toes that wilnae straighten"
  [/\bdisnae?\b/g, 'does not'],
  [/\bwisnae?\b/g, 'was not'],
  [/\bwon'?t\b/g, 'will not'],
  [/\bshan'?t\b/g, 'shall not'],
  [/\bain'?t\b/g, 'is not'],
  [/\b(do|does|did|is|are|was|were|has|have|had|could|should|would|must|need|might)n'?t\b/g, '$1 not'],
  [/n't\b/g, ' not'],
  [/\bi'?m\b/g, 'i am'],
  [/\b(i|you|we|they)'ve\b/g, '$1 have'],
  [/\bive\b/g, 'i have'],
  [/\b(should|would|could|must)(?:ve| of)(?= (?:been|settled|gone|eased|stopped|passed|had|got|done)\b)/g, '$1 have'], // "shouldve settled", "should of gone"
  [/\b(i|you|we|they|he|she|it)'ll\b/g, '$1 will'],
  // "they'd gone", "I'd had": before a past participle 'd is had; otherwise would ("I'd like").
  [/\b(i|you|we|they|he|she)'d(?= (?:gone|been|had|stopped|eased|settled|passed|finished|started|taken|done|got|gotten|tried|stretched|walked|felt|never|already|just)\b)/g, '$1 had'],
  [/\b(i|you|we|they|he|she)'d\b/g, '$1 would'],
  [/\b(you|we|they)'re\b/g, '$1 are'],
  [/\b(it|that|there|he|she|what|who|where)'s\b/g, '$1 is'],
  [/\b(that|there|what|where|she|he)s\b/g, '$1 is'],
  [new RegExp(`\\bits\\b(?= ${SAID_OF_IT})`, 'g'), 'it is'],
  // "my calf's gone hard", "my foot's gone pale" (one of them), not "calfs" or "foots" for calves or feet.
  [new RegExp(`\\b(calf|foot)'?s\\b(?= ${SAID_OF_IT})`, 'g'), '$1 is'],
  // The same with the apostrophe typed for the other parts ("thighs" without one is both thighs).
  [new RegExp(`\\b(thigh|leg|knee|ankle|shin|toe|heel|hamstring|skin)'s\\b(?= ${SAID_OF_IT})`, 'g'), '$1 is'],
  // "it ay shifting", "I ay been right since" (Black Country: "ay" for isn't, ain't).
  [/\bay '?ad\b/g, 'have not had'], // "ay 'ad one for months"
  [/\b(it|that|he|she|i) ay\b/g, '$1 is not'],
  [/\b(it|that|he|she|i|they|we|you) wo'? (?=\w)/g, '$1 will not '], // "he wo' wake up", "it wo heal" (won't)
  // "running 38.5" is running a temperature, not a run (a number from 35 to 42 with no unit after it).
  [/\brunning (?=(?:3[5-9]|4[0-2])(?:\.\d)?\b(?! ?(?:k|km|mins?|minutes?|miles?|m|metres?|meters?|laps?|secs?|seconds?)\b))/g, 'running a temperature of '],
  [/\b(is|has|have) bin\b/g, '$1 been'], // "it's bin like this all day"
  // "d and v", "d&v", "v+d": diarrhoea and vomiting (before "v" is read as "very").
  [/\bd ?(?:and|&|n|\+) ?v\b/g, 'diarrhoea and vomiting'],
  [/\bv ?(?:and|&|n|\+) ?d\b/g, 'vomiting and diarrhoea'],
  // Norfolk "hent": "i hent hed a wee since yesterday" (have not had), "he hent right" (is not).
  [/\bhent h[ae]d\b/g, 'have not had'],
  [/\bhent b(?:ee|i)n\b/g, 'have not been'],
  [/\bhent\b/g, 'is not'],
  // "stop for a minute or two an it goes, walk on an its back" (Scots, and many another English): "an" before "it", "i",
  // "he", "she", "we", "they" or "then" is "and", never the article.
  [/\ban (?=(?:it|its|i|he|she|we|they|then)\b)/g, 'and '],
  // Doric "a quarter o an oor", "twa oors": an hour ("oor" alone is also "our", so only after "an" or a number).
  [/\bo an oor\b/g, 'of an hour'],
  [/\ban oor\b/g, 'an hour'],
  [/\b(twa|two|three|four|few|couple o|couple of) oors\b/g, '$1 hours'],
  // "dropped on me calf", "me legs are killing", "me nan's havin cramps", "a pain up under me ribs": "me" for "my" before a
  // part of the body or a relative (northern and Midlands English), not after a verb that takes it ("statins give me leg cramps");
  // not "back" ("take me back to the start"). Also with a side ("the back of me left knee") and "me jabs", "me young one".
  [/(?<!\b(?:gives?|gave|giving|gets?|got|getting|causes?|caused|causing|makes?|made|making|brings?|brought|bringing) )\bme ((?:left|right) )?(legs?|calf|calves|thighs?|foot|feet|ankles?|shins?|toes?|knees?|hamstrings?|hamm(?:y|ies)|heels?|bum|arse|backside|buttocks?|faither|nan|nana|nanna|gran|grandad|mum|mam|dad|husband|wife|missus|fella|brother|sister|mate|son|daughter|lad|lass|ribs?|chest|belly|tummy|stomach|neck|hips?|arms?|hands?|fingers?|lips|face|jabs|young(?:est)?|eldest|boy|girl|kids?)\b/g, 'my $1$2'],
  // Yorkshire "in t'sun", "t'calf", "watchin t'match": "t'" before a word is "the"; and "o'er" is "over".
  [/\bt'(?=[a-z])/g, 'the '],
  [/\bo'er\b/g, 'over'],
  // The g dropped with an apostrophe: "feet seizin' up", "four this mornin'", "botherin' the doctor".
  [/\b([a-z]{2,}in)'(?![a-z])/g, '$1g'],
  // "he can't hardly get up" (a double negative in some Englishes) means he can hardly get up.
  [/\b(can|could) ?not (hardly|barely|scarcely)\b/g, '$1 $2'],
  // "no sleep + calf swollen": a plus between words joins two things said, like "plus" (which ends a clause, so the
  // "no" stays with the sleep); not a number's ("60+").
  [/(?<=[a-z]) ?\+ ?(?=[a-z])/g, ' plus '],
];
