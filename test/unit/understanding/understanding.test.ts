import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from '../../../src/paths';
import { counts, type Finding } from '../../../src/understanding/findings';
import { LexiconError, phraseWords, readLexicon } from '../../../src/understanding/lexicon';
import { stem } from '../../../src/understanding/natural';
import { normaliseText } from '../../../src/understanding/normalise';
import { realWordsFile } from '../../../src/understanding/realWords';
import { loadUnderstanding, UnderstandingLayer } from '../../../src/understanding/understanding';

const layer = loadUnderstanding(CORPUS_DIR);
const findings = (text: string): Finding[] => layer.understand(text).findings;
const find = (text: string, concept: string): Finding | undefined => findings(text).find((finding) => finding.concept === concept);
/** The concepts that count for the writer. */
const stated = (text: string): string[] => [...new Set(findings(text).filter((f) => f.experiencer === 'self' && counts(f)).map((f) => f.concept))];

describe('the one normaliser', () => {
  it.each([
    ["I can't breathe", 'i cannot breathe'],
    ['my leg ISN’T swollen', 'my leg is not swollen'],
    ['cant  catch   my breath', 'cannot catch my breath'],
    ['sweeeelling', 'sweelling'],
    ['<at>crampbot</at> hello', 'hello'],
    ['ＭＡＧＮＥＳＩＵＭ', 'magnesium'],
    ['ah cannae feel it, she didnae know', 'ah cannot feel it, she did not know'],
    ['hurts when i stand up question mark breathing is fine full stop', 'hurts when i stand up? breathing is fine.'],
    // Midlands and northern English: "me" for "my" before a part of the leg, but not after a verb that takes it.
    ['one dropped on me calf', 'one dropped on my calf'],
    ['statins give me leg cramps', 'statins give me leg cramps'],
    ['a pain up under me ribs, take me back to the start', 'a pain up under my ribs, take me back to the start'],
    ["me thigh's bin locked, it ay shifting", 'my thigh is been locked, it is not shifting'],
    ["skin's hot and bone dry", 'skin is hot and bone dry'],
    // "shin's bent" after a tackle is one shin, bent, not "shins" (flg-e22 of first-sight batch LG).
    ["me shin's bent n bleeding", 'my shin is bent n bleeding'],
    ['had d&v for 2 days, v sore', 'had diarrhoea and vomiting for 2 days, v sore'],
    // Norfolk "hent": have not (before had or been), is not otherwise.
    ['i hent hed a wee since yesterday, he hent right', 'i have not had a wee since yesterday, he is not right'],
    // Irish English "after swelling up" (has just swollen up): one calf, not "calfs" for both.
    ["me calf's after swellin up", 'my calf is after swellin up'],
    // Black Country "wo'" (won't); "running 38.5" is a temperature, "running 10k" a run.
    ["he wo' wake up", 'he will not wake up'],
    ['running 38.5 with cramps', 'running a temperature of 38.5 with cramps'],
    ['running 10k with cramps', 'running 10k with cramps'],
    ['both thighs gone numb', 'both thighs gone numb'],
    // One-word sentences in a row are one clause; a yes or a no stays its own sentence.
    ['calf. hot. red. why', 'calf, hot, red, why'],
    ['Pain. Swelling. No.', 'pain, swelling. no.'],
    ['Calf. Not swollen.', 'calf. not swollen.'],
    // A leg or a foot typed as an emoji is the word.
    ['my \u{1F9B6} cramped again \u{1F62D}', 'my foot cramped again \u{1F62D}'],
    // "'d" before a past participle is "had", else "would"; "shouldve settled" and "shes" spelt out.
    ["they'd gone in 20 minutes, I'd like to know why", 'they had gone in 20 minutes, i would like to know why'],
    ['it shouldve settled by now, shes worried', 'it should have settled by now, she is worried'],
    // Accents come off Latin letters; other scripts keep their marks.
    ['Magnézium, křeč v lýtku', 'magnezium, krec v lytku'],
    ['Bugħawwieġ, Fuß, søster', 'bughawwieg, fuss, soster'],
    ['पैर में दर्द', 'पैर में दर्द'],
    // A plus between words is "plus", which ends a clause; a number's plus stays.
    ['no sleep + calf swollen, aged 60+', 'no sleep plus calf swollen, aged 60+'],
    ['no sleep+cramp', 'no sleep plus cramp'],
    // A g dropped with an apostrophe is put back ("seizin'"); a possessive or "o'" is not a dropped g.
    ["feet seizin' up at four this mornin', worth botherin' the doctor?", 'feet seizing up at four this morning, worth bothering the doctor?'],
    ["me hammy's gone, my cousin's calf, plates o' meat", 'my hammys gone, my cousins calf, plates o meat'],
  ])('%s → %s', (text, expected) => expect(normaliseText(text)).toBe(expected));
});

describe('concepts from lexicons, not one expression per phrasing', () => {
  it.each([
    ['my calf has gone a weird colour and feels like marble', 'limb_colour'],
    ['toes look like a corpse', 'limb_colour'],
    ["can't fill my lungs", 'breathing_severe'],
    ['winded walking to the kitchen', 'breathless'],
    ['feels like it is not my leg', 'numb'],
    ['blood when I cough', 'cough_blood'],
    ['a heavy tight feeling across my chest', 'chest_pain'],
    ['stabbing pain under my shoulder blade whenever I take a deep breath', 'pleuritic_pain'],
  ])('"%s" is %s', (text, concept) => expect(stated(text)).toContain(concept));

  it('matches on stems, in any order with words between, and forgives one typing slip', () => {
    expect(stated('swollen calf')).toContain('leg_swelling_near');
    expect(stated('my calf is really quite swollen')).toContain('leg_swelling_near');
    expect(stated('my calve is sweling')).toContain('leg_swelling_near');
    expect(stated('short of brreath')).toContain('breathless');
  });

  // The exceptions for a cramped room or money matched on stems, so "cramped for" took the cramp out of "cramps for weeks"
  // and "very cramped" out of "very strong cramps" (found in first-sight batch CQ, 2026-11-30).
  it.each(['very strong cramps in my legs', 'I have had cramps for weeks', 'my calf was in knots all night', 'calf in a knot for ages'])(
    '"%s" still names a cramp',
    (text) => expect(stated(text)).toContain('cramp_word'),
  );

  it.each(['our flat is very cramped', 'money is cramped this month', 'my stomach is in knots before the interview'])(
    '"%s" names no leg cramp',
    (text) => expect(stated(text)).not.toContain('cramp_word'),
  );

  it('puts back a dropped g before any other typing slip', () => {
    // "growin" is one slip from "groin" and from "growing": growing pains, not groin pains.
    expect(layer.normalise('is it growin pains')).toBe('is it growing pains');
  });

  it('does not "correct" a real word into a lexicon word', () => {
    expect(layer.normalise('I wanted to ask about the train station')).toBe('i wanted to ask about the train station');
  });

  it('maps medicines by generic and brand name to a class, tonic water included', () => {
    expect(find('I take Lipitor', 'statin')?.class).toBe('statin');
    expect(find('on lasix', 'diuretic')?.class).toBe('diuretic');
    expect(find('started amlodipine', 'ccb')?.class).toBe('other_medicine');
    expect(find('I drink tonic water every night', 'quinine_any')?.class).toBe('quinine');
  });

  it('reads "one" in an unless as that word, not as its stem "on"', () => {
    // "a bigger one" (a bigger sock) does not cancel "bigger on that side"; "one flight" (of stairs) does not cancel a flight.
    expect(stated('my left calf is bigger on that side')).toContain('swelling_any');
    expect(stated('my calf swelled up on the flight home')).toContain('long_journey');
    expect(stated('I went up one flight of stairs')).not.toContain('long_journey');
  });

  it('recognises risk context: surgery, a long journey, the pill, atrial fibrillation, pregnancy weeks, age', () => {
    expect(stated('after my hip replacement')).toContain('surgery');
    expect(stated('just back from a long haul flight')).toContain('long_journey');
    expect(stated("I'm on Microgynon")).toContain('hormones');
    expect(stated('I have AF')).toContain('atrial_fibrillation');
    expect(layer.understand("I'm 34 weeks pregnant").pregnancyWeeks).toBe(34);
    expect(layer.understand("I'm 67 and get cramps").age).toBe(67);
    expect(layer.understand("My son (24, autistic, I'm his carer) got a cramp").ages).toContain(24);
    // "My son of 19 years" (French and German English): a grown-up son, not a child.
    expect(layer.understand('My son of 19 years has cramps and fever').ages).toEqual([19]);
  });

  it('reads durations in minutes', () => {
    expect(layer.understand('a cramp for 20 mins').durationMinutes).toBe(20);
    expect(layer.understand('it has been half an hour').durationMinutes).toBe(30);
  });

  it('reads how long a cramp has gone on from a list of clock times that ends with it not easing', () => {
    const listed = 'cramp started 3:10am right calf. 3:15 stretched it. 3:25 walked round the kitchen. 3:35 still locked solid';
    expect(find(listed, 'long_duration')?.text).toBe('3 : 35');
    expect(find('calf cramp at 11:50pm, 12:20 and still locked', 'long_duration')).toBeDefined();
    // Gone in between, or too short a span: no long cramp.
    expect(find("1am woke up with a calf cramp. 1.05 gone. Now it's 1.20 and it's a bit achy", 'long_duration')).toBeUndefined();
    expect(find('calf cramp at 3:10, 3:15 still locked', 'long_duration')).toBeUndefined();
    // Times said in words.
    expect(find("cramp in my calf since quarter past, it's quarter to now, nothing's shifting it", 'long_duration')).toBeDefined();
    expect(find('calf cramp at ten to 4, five past 4 and still locked', 'long_duration')).toBeDefined();
  });

  it('goes on into the next clause when a phrase says the joining word itself, and only with the word after it', () => {
    expect(find('have a sit on a bench and it eases off', 'rest_relief')).toBeDefined();
    expect(find('I sat on a bench and it eased off', 'recurring')).toBeUndefined();
  });
});

describe('modifiers (ConText): negation, whose it is, hypothetical, historical', () => {
  it('keeps a break word that ends its clause in it ("been fine since"), and reads one relation word in brackets as naming the person', () => {
    expect(find('stretched it out, been fine since', 'eased')).toBeDefined();
    expect(find('My mor (mother) takes quinine', 'quinine_any')?.experiencer).toBe('other');
    expect(find('my wife (I am a woman too) is on quinine', 'quinine_any')?.experiencer).toBe('other');
  });

  it('negates within a clause and a list, not across "but"', () => {
    expect(find('no swelling', 'swelling_any')?.negated).toBe(true);
    expect(find('my leg is not swollen', 'leg_swelling_near')?.negated).toBe(true);
    expect(find('no chest pain, redness or swelling', 'swelling_any')?.negated).toBe(true);
    expect(find("no swelling but I can't breathe", 'breathing_severe')?.negated).toBe(false);
    expect(find('no chest pain, just numbness in my feet', 'numb')?.negated).toBe(false);
    expect(find('swelling? no', 'swelling_any')?.negated).toBe(true);
  });

  it('reads questions answered "no" at the end of a sentence ("red or hot, no", "was it swollen, I said no")', () => {
    expect(find('red or hot, no.', 'redness')?.negated).toBe(true);
    expect(find('the nurse asked was it swollen, i said no.', 'swelling_any')?.negated).toBe(true);
    // A long sentence that ends "no" is not a list of answers: the swelling is still there.
    expect(find('my calf is really swollen and red this morning, any idea why, no?', 'swelling_any')?.negated).toBe(false);
    // A tag question asks for a yes.
    expect(find('my calf is swollen, no?', 'swelling_any')?.negated).toBe(false);
  });

  it('reads a short question answered by a sentence that is only "no", and "… and I said no"', () => {
    expect(find('red or hot? no. breathless? no.', 'redness')?.negated).toBe(true);
    expect(find('red or hot? yes. swollen? no.', 'redness')?.negated).toBe(false);
    expect(find('the nurse asked was I breathless and I said no', 'breathless')?.negated).toBe(true);
    expect(find('I was breathless and I said so', 'breathless')?.negated).toBe(false);
  });

  it('reads a short list answered "no" after a dash, every item of it, and not "no idea"', () => {
    expect(find('re: any numbness or cold foot - no, it is warm', 'numb')?.negated).toBe(true);
    expect(find('re: any numbness or cold foot - no, it is warm', 'limb_cold')?.negated).toBe(true);
    expect(find('my foot is numb - no idea why', 'numb')?.negated).toBe(false);
  });

  it('reads a part of the sentence that only takes the part before it back', () => {
    expect(find("my leg's proper swollen ha, not really, just sore", 'swelling_any')?.negated).toBe(true);
    expect(find("felt like i'd pass out, didn't though, fine now", 'collapse')?.negated).toBe(true);
    expect(find('my calf is swollen, not really painful though', 'swelling_any')?.negated).toBe(false);
  });

  it('states what a negation excepts ("other than", "besides")', () => {
    expect(find('I take no medicines other than lipitor', 'statin')?.negated).toBe(false);
    expect(find('no tablets besides furosemide', 'diuretic')?.negated).toBe(false);
    expect(find('no swelling, nothing more than a bit of an ache', 'swelling_any')?.negated).toBe(true);
    expect(find('I take no medicines, not even lipitor', 'statin')?.negated).toBe(true);
  });

  it('reads "jaw: stiff" as a label and its value, and keeps a colon after "no" or a number a break', () => {
    expect(find('jaw: stiff. swallowing: hard.', 'lockjaw')).toBeDefined();
    expect(find('no: my calf is swollen and hot', 'swelling_any')?.negated).toBe(false);
  });

  it('reads a negation inside a phrase before a word of the phrase ("walk no help")', () => {
    expect(find('stretch walk no help', 'eased')?.negated).toBe(true);
    expect(find('stretching helped', 'eased')?.negated).toBe(false);
  });

  it('reads a double negative as one ("ain\'t getting no better" is not getting better)', () => {
    expect(find("my temp's high and it ain't getting no better", 'not_improving')?.negated).toBe(false);
    expect(find('no it will not go away', 'not_easing')?.negated).toBe(false);
    expect(find('my temperature is getting better', 'not_improving')).toBeUndefined();
  });

  it('does not read "not going away" or "not sure" as a negation of what follows', () => {
    expect(find('the cramp is not going away and my foot is cold', 'limb_cold')?.negated).toBe(false);
    expect(find('not sure if my calf is swollen', 'leg_swelling_near')?.negated).toBe(false);
  });

  it('negates the words a "not" stops at: "not going away" has not eased', () => {
    expect(find('the cramp is not going away', 'eased')?.negated).toBe(true);
    expect(find('the pain is not easing off', 'eased')?.negated).toBe(true);
    expect(find("can't get to the bathroom without stopping to get my breath", 'breathless')?.negated).toBe(false);
  });

  it('ends a list negation where a later negation starts its own, and reads "can\'t hardly" as "can hardly"', () => {
    expect(find('no chest pain, redness or swelling', 'swelling_any')?.negated).toBe(true);
    expect(find("he can't hardly get up out the chair, legs weak and achin, ain't had no fall or nothin", 'both_legs_weak_numb')?.negated).toBe(false);
  });

  it('tells whose a finding is: the writer, or someone they mention', () => {
    expect(find('my partner takes a statin', 'statin')?.experiencer).toBe('other');
    expect(find("my partner's on a statin and I get cramps", 'cramp_word')?.experiencer).toBe('self');
    expect(find('my dad collapsed', 'collapse')?.experiencer).toBe('other');
    expect(find("my husband says I'm confused", 'confusion')?.experiencer).toBe('self');
    // A symptom that opens the message before "my" someone is named in its clause is theirs; not with the writer or a
    // link between them ("since", "like"), nor with the person named in another clause.
    expect(find('bad leg ache every night my daughter gets', 'leg_symptom')?.experiencer).toBe('other');
    expect(find('cramp for twenty minutes in my boys calf', 'long_duration')?.experiencer).toBe('other');
    expect(find('calf cramps since my son was born', 'cramp_word')?.experiencer).toBe('self');
    expect(find('leg cramps at night my husband says I kick', 'cramp_word')?.experiencer).toBe('self');
    expect(find('leg cramps at night, my wife has them too', 'cramp_word')?.experiencer).toBe('self');
    // "me" after "without" is the writer helping the person named: what follows is still theirs.
    expect(find('he cannot stand up without me pulling, thighs aching', 'pain_any')?.experiencer).toBe('other');
    // A name after "our" or "my" is someone else ("our Kai"); a capitalised word the lexicon knows is not ("my Achilles").
    expect(find('our Kai has had leg ache at night', 'leg_symptom')?.experiencer).toBe('other');
    expect(find('My Achilles is sore after running', 'pain_any')?.experiencer).toBe('self');
    // So is one before an age ("Osian's 9", "Osian (9)"), and the name with an age under 16 is a child; a count is no age.
    expect(find("Osian's 9, woke up limping", 'limping')?.experiencer).toBe('other');
    expect(find("Osian's 9, woke up limping", 'child')).toBeDefined();
    expect(find('Osian (9) gets leg pains at night', 'child')?.experiencer).toBe('other');
    expect(find('our Kai is 3 and has leg ache', 'child')).toBeDefined();
    expect(find('Dave is 3 days post op and his calf is sore', 'child')).toBeUndefined();
    expect(find('Sorry, 28 weeks pregnant and cramping', 'child')).toBeUndefined();
    expect(find('Sorry, 28 weeks pregnant and cramping', 'cramp_word')?.experiencer).toBe('self');
    // "I" saying who the other person is to the writer does not make what follows the writer's.
    expect(find("the lady I care for has a new rash", 'spots')?.experiencer).toBe('other');
    expect(find("my mum has dementia, I care for her and I have cramps", 'cramp_word')?.experiencer).toBe('self');
    // Someone named after "by" did it: the bite and the dirt in it are the writer's.
    expect(find("got bit on the calf by the neighbour's dog, it's a deep one with muck in it", 'wound')?.experiencer).toBe('self');
    expect(find("bitten by my brother's dog, his leg is swollen", 'leg_swelling_near')?.experiencer).toBe('other');
    // What is given or prescribed to someone named after it is theirs, unless the writer is in the clause.
    expect(find('the GP prescribed quinine for cramps to my dad', 'quinine_any')?.experiencer).toBe('other');
    expect(find('the GP prescribed quinine for my cramps and I gave some to my husband', 'quinine_any')?.experiencer).toBe('self');
    expect(find('one of my 13-year-olds woke up with a calf cramp', 'calf')?.experiencer).toBe('other');
    // Advice reported from someone else is to the writer; "me" names whose the relation is ("me girlfriend").
    expect(find('my friend say take magnesium for the cramp, is ok for the baby?', 'supplement')?.experiencer).toBe('self');
    expect(find('my friend takes magnesium for her cramps', 'supplement')?.experiencer).toBe('other');
    expect(find("me girlfriend's got a proper bad pain under her ribs", 'rib_pain')?.experiencer).toBe('other');
    // "ex" names someone only after "my" ("my ex"), not at the start of "Ex-police".
    expect(find('my ex has had a cramp in her thigh for half an hour', 'long_duration')?.experiencer).toBe('other');
    expect(find('Ex-police, smoked 40 years. Legs ache sat in the chair now and my toes look pale', 'limb_cold_pale')?.experiencer).toBe('self');
    // A relation named as the owner of a place names whose the place is, not whose the symptoms are.
    expect(find("clearing out my late grandad's shed I cleaned up spilt mercury", 'toxin')?.experiencer).toBe('self');
    expect(find("my grandad's got spilt mercury all over his shed", 'toxin')?.experiencer).toBe('other');
    // A medicine that opens the message, named as "my husband's" at the end of its clause, is his (fnw-s11 of batch NW).
    expect(find("Statins are my husband's, not mine. I get the odd night cramp", 'statin')?.experiencer).toBe('other');
    expect(find("Statins, my husband says, could be why I cramp", 'statin')?.experiencer).toBe('self');
  });

  it('answers every item of a short question with "no, none of that"', () => {
    const asked = findings('any chest pain or breathlessness? no, none of that, just a cramp').filter((f) => f.concept === 'chest_pain' || f.concept === 'breathless');
    expect(new Set(asked.map((f) => f.concept))).toEqual(new Set(['chest_pain', 'breathless']));
    expect(asked.every((f) => f.negated)).toBe(true);
    expect(find('any chest pain? no idea, it just feels odd', 'chest_pain')?.negated).toBe(false);
  });

  it('does not end a clause at "also" inside a verb, and starts one at "some" after "and"', () => {
    expect(stated('the skin around my bum has also gone numb since yesterday')).toContain('saddle_numb');
    expect(find("stretching doesn't help and some of them have gone on for 15 minutes", 'habitual')?.negated).toBe(false);
    expect(find('no swelling and some redness on my calf', 'leg_red_or_warm')?.negated).toBe(false);
  });

  it('reads the numbers from 11 to 99 said in words: an age, weeks of pregnancy, a duration', () => {
    expect(layer.understand("my girl's nineteen and has a rash").ages).toEqual([19]);
    expect(layer.understand("I'm sixty eight and get cramps at night").age).toBe(68);
    expect(layer.understand("I'm twenty-four weeks pregnant with a bad headache").pregnancyWeeks).toBe(24);
    expect(layer.understand('the cramp has lasted fifteen minutes').durationMinutes).toBe(15);
  });

  it('reads a bare temperature with one decimal, not a size, a weight or a time', () => {
    expect(stated('Mon 38.2, Tue 38.9, Wed 39.4. Going up every day')).toContain('fever');
    expect(stated('my calf cramps in size 38.5 shoes')).not.toContain('fever');
    expect(stated('I walked 38.5 km and my calves cramped')).not.toContain('fever');
  });

  it('marks hypothetical and historical findings', () => {
    expect(find('what if my foot went cold and white', 'limb_cold_white')?.hypothetical).toBe(true);
    expect(find('I had a clot years ago', 'clot_history')?.historical).toBe(true);
    expect(stated('I had a clot years ago')).toContain('clot_history');
    expect(stated('I used to get pins and needles')).not.toContain('numb');
  });

  it('reads Doric: "winna shift", "a quarter o an oor", "caul", "taes"', () => {
    expect(stated('cramp in ma thigh, been gaun a quarter o an oor, it winna shift')).toEqual(expect.arrayContaining(['not_easing', 'long_duration']));
    expect(stated('ma fit is caul as ice an I canna wiggle ma taes')).toEqual(expect.arrayContaining(['limb_cold', 'cannot_move_limb']));
  });

  it('reads words in other scripts as words: Chinese for a calf cramp', () => {
    expect(stated('小腿抽筋 how to stop it')).toContain('cramp_word');
    expect(stated('小腿抽筋 how to stop it')).toContain('leg_symptom');
  });

  it('reads a symptom back "again" or "now" after a past clot as now, and the clot as past', () => {
    const told = 'had a DVT 2 year ago, right calf aching, swollen and hot again, breathing is fine';
    expect(find(told, 'clot_history')?.historical).toBe(true);
    expect(find(told, 'swelling_any')?.historical).toBeFalsy();
    expect(find('had a clot last year, now calf swollen', 'swelling_any')?.historical).toBeFalsy();
    expect(find('had a swollen calf last year', 'swelling_any')?.historical).toBe(true);
  });

  it('does not carry a past time past the comma after it (fjm-u06 of batch JM)', () => {
    expect(find('his bedwetting stopped years ago, losing weight and tired', 'weight_loss_unexplained')?.historical).toBeFalsy();
    expect(find('he was losing weight years ago', 'weight_loss_unexplained')?.historical).toBe(true);
  });

  it('reads a list answered "swell no, pain no" as no swelling and no pain', () => {
    expect(stated('cramp calf night, 1 minute. now ok, swell no, pain no')).not.toContain('swelling_any');
    expect(stated('calf swollen, no better today')).toContain('swelling_any');
  });

  it('ends a supposition at "but", and reads a comparison with the past as now', () => {
    expect(stated('suppose im just after advice on the cramps but since yesterday my saddle area feels numb')).toContain('saddle_numb');
    expect(stated('okay google my lips are swelling up')).toContain('swelling_elsewhere');
    expect(stated('i googled swollen calf and it said')).not.toContain('leg_swelling_near');
    expect(stated('the muscles on my hands look hollowed out compared to last year')).toContain('wasting_twitching');
    expect(stated('my calf muscles wasted away last year')).not.toContain('wasting_twitching');
  });

  it('reads temperatures that rise as getting worse, whatever order they are told in, and not an age or a fall', () => {
    expect(find('temp was 38 on sunday, 38.6 monday, today it is 39.1', 'worsening')?.text).toBe('39.1');
    expect(find("temp's 38.9 and it was 38.2 yesterday", 'worsening')).toBeDefined();
    expect(find('it was 38.9 yesterday and 37.5 today', 'worsening')).toBeUndefined();
    expect(find("i'm 38 and my temp is 39.2", 'worsening')).toBeUndefined();
  });

  it('gives each finding the site, side, onset and course said in its sentence', () => {
    const swelling = find('suddenly my left calf is swollen and getting worse', 'leg_swelling_near');
    expect(swelling).toMatchObject({ site: 'calf', side: 'one', onset: 'sudden', course: 'worsening' });
    expect(find('both my ankles are swollen', 'leg_swelling_near')?.side).toBe('both');
  });
});

describe('the lexicon files', () => {
  it('has concepts with phrases and categories, and names only sets that exist', () => {
    const lexicon = readLexicon(CORPUS_DIR);
    expect(Object.keys(lexicon.concepts).length).toBeGreaterThan(100);
    for (const [name, spec] of Object.entries(lexicon.concepts)) expect([name, spec.category]).toEqual([name, expect.any(String)]);
  });

  it('refuses a phrase that names an unknown set, naming the concept', () => {
    const lexicon = readLexicon(CORPUS_DIR);
    const broken = { ...lexicon, concepts: { ...lexicon.concepts, oops: { category: 'finding', phrases: ['{nowhere} pain'] } } };
    expect(() => new UnderstandingLayer(broken)).toThrow();
    expect(() => readLexiconWith('oops:\n    category: finding\n    phrases: ["{nowhere} pain"]')).toThrow(LexiconError);
  });

  it('matches a phrase in double quotes only with its words side by side, as a phrase and as an unless', () => {
    const lexicon = readLexicon(CORPUS_DIR);
    const probe = (spec: { phrases: string[]; unless?: string[] }, text: string) =>
      new UnderstandingLayer({ ...lexicon, concepts: { ...lexicon.concepts, probe: { category: 'finding', gap: 3, ...spec } } })
        .understand(text)
        .findings.some((finding) => finding.concept === 'probe');
    expect(probe({ phrases: ['our calf'] }, 'our new calf will not stand')).toBe(true);
    expect(probe({ phrases: ['"our calf"'] }, 'our new calf will not stand')).toBe(false);
    expect(probe({ phrases: ['"our calf"'] }, 'our calf will not stand')).toBe(true);
    expect(probe({ phrases: ['"=bit my"'] }, 'the dog bit my leg')).toBe(true);
    expect(probe({ phrases: ['"=bit my"'] }, 'it bit into my leg')).toBe(false);
    expect(probe({ phrases: ['calf'], unless: ['"our calf"'] }, 'our new calf will not stand')).toBe(true);
    expect(probe({ phrases: ['calf'], unless: ['our calf'] }, 'our new calf will not stand')).toBe(false);
  });

  it('keeps "one" apart from "on", which is its Porter stem: "right on schedule" is not "right one"', () => {
    expect(find('calf cramp again tonight, right on schedule', 'one_side')).toBeUndefined();
    expect(find('calf cramp again tonight, the right one', 'one_side')).toBeDefined();
  });

  it('writes an unless word whose stem is a little word ("used" stems to "us") as the word itself ("=used"), unless the word keeps its own stem', () => {
    // "hot one" (a hot day) matched "hot patch on my shin" by stem and cancelled a red hot patch on the leg.
    const lexicon = readLexicon(CORPUS_DIR);
    const ownStem = new Set(lexicon.modifiers.ownStem);
    const little = new Set(['on', 'us', 'at', 'in', 'an', 'as', 'or', 'of', 'so', 'up', 'no', 'by', 'if', 'to']);
    const collides = (word: string) => !/^[={]/.test(word) && !ownStem.has(word) && stem(word) !== word && little.has(stem(word));
    const reaching = Object.entries(lexicon.concepts).flatMap(([name, spec]) =>
      (spec.unless ?? []).map(String).filter((phrase) => phraseWords(phrase).some(collides)).map((phrase) => `${name}: ${phrase}`),
    );
    expect(reaching).toEqual([]);
  });

  it('keeps corpus/understanding/real-words.txt current (run `npx crampbot lexicon-words` after changing the lexicon)', () => {
    expect(readFileSync(join(CORPUS_DIR, 'understanding', 'real-words.txt'), 'utf8')).toBe(realWordsFile(CORPUS_DIR));
  });
});

/** readLexicon on a copy of the corpus with one more concept. */
function readLexiconWith(concept: string) {
  const { mkdtempSync, mkdirSync, writeFileSync, copyFileSync } = require('node:fs') as typeof import('node:fs');
  const { tmpdir } = require('node:os') as typeof import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
  mkdirSync(join(dir, 'understanding'));
  copyFileSync(join(CORPUS_DIR, 'understanding', 'modifiers.yml'), join(dir, 'understanding', 'modifiers.yml'));
  const source = readFileSync(join(CORPUS_DIR, 'understanding', 'lexicon.yml'), 'utf8').replace('\nconcepts:\n', `\nconcepts:\n  ${concept}\n`);
  writeFileSync(join(dir, 'understanding', 'lexicon.yml'), source);
  return readLexicon(dir);
}
