import { CORPUS_DIR } from '../../../src/paths';
import { REGIONS } from '../../../src/config';
import { findSafetyProblems } from '../../../src/knowledge/safetyScan';
import { isTrustedSourceUrl } from '../../../src/knowledge/trustedSources';
import { loadTriageEngine, UnknownRegionError } from '../../../src/triage/loadTriageEngine';
import { LEVELS, triageEntity, type TriageLevel } from '../../../src/triage/triage';
import type { Region } from '../../../src/config';

const engine = loadTriageEngine(CORPUS_DIR, 'uk');
const assess = (...messages: string[]) => engine.assess(messages);
const rank = (level: TriageLevel) => LEVELS.indexOf(level);

/** Every rule of medical.md §2 with lay phrasings it must catch (typos and slang included). */
const LAY_PHRASINGS: Record<string, string[]> = {
  E0: ["I've got a crushing pain in my chest", 'struggling to breathe', 'my husband collapsed', 'her face is drooping and her speech is slurred', "I'm 7 weeks pregnant, bleeding and the pain in my tummy is unbearable", 'pregnant and spotting, and the worst pain ever low down on one side', 'my husband got bit on the ankle by an adder on the heath', 'something bit my foot in the heather, it had a zigzag down its back', 'did a big spin class, my pee is dark like coke and barely any coming out', 'something nipped my ankle in the bracken and I saw a snake slither off', 'found my dad on the floor after a night there, his legs are sore and his urine is very dark and only little'],
  E1: ["my calf is swollen and I can't catch my breath", 'leg pain and I coughed up blood', 'sore calve and im short of breath', 'sharp pain in my upper back when I breathe in', 'suddenly really breathless and my heart is racing'],
  E2: ['my foot has gone cold and white', "cramp won't go and my foot is pale and numb", 'sudden agony in my leg, it is blue and mottled'],
  E3: ['leg in a cast and the pain is unbearable', 'crushed my leg at work and the pain keeps getting worse', 'a pallet fell on my leg at work, now it is swollen and hard like stone and the pain is more and more'],
  E4: ['my jaw is locked and I have spasms', 'cramps and I can hardly swallow', 'stepped on a nail and now my whole body is going stiff'],
  E5: ["been in the heat all day, I'm confused and not sweating", 'still dizzy after an hour cooling down in the shade, it was a heatwave'],
  E6: ["numb between my legs and can't pee", 'sciatica down both legs and I wet myself', 'both legs going weak with bad back pain'],
  E7: ['sudden agonising pain in my thigh out of nowhere, this is not a cramp', 'worst pain ever suddenly in my calf and it will not ease'],
  E8: ['my leg wound is infected and now my skin is mottled and I feel confused', "cellulitis on my shin and I'm breathing really fast and feel like I'm dying", 'my dad has a hot red leg and now he is not making sense', 'tiny scratch on my shin from a bramble but the pain is way worse than it looks and I have a temperature'],
  E9: ['I have sickle cell, my legs are in crisis and now I am short of breath', 'sickle cell crisis in both legs and I have a temperature', 'I have sickle cell anaemia, leg pain is bad and I am struggling to breathe'],
  U1: ['my calf is swollen and hot', 'one leg is bigger than the other and it throbs', 'the veins in my calf are hard and sore'],
  U2: ["I'm on atorvastatin and my muscles ache all over", 'taking simvastatin and I get cramps', 'on a statin and my wee has gone dark'],
  U2b: ['after a crazy spin class my thighs are agony and my pee is dark brown'],
  U3: ["I take quinine and I'm covered in bruises", 'on quinine and my ears are ringing', 'quinine tablets and my gums keep bleeding'],
  U4: ["I'm 34 weeks pregnant with a bad headache and blurred vision", 'pregnant and my face has swollen up suddenly'],
  U5: ['gave birth last week and my calf is red and sore', "I'm pregnant and one leg is swollen"],
  U6: ['dog bite on my leg and I never had a tetanus jab', 'stood on a rusty nail, not sure about my tetanus'],
  U7: ["I've had a cramp for 20 minutes and it won't ease", 'the cramp has lasted half an hour and stretching is not helping', 'had a cramp in my calf on saturday and the pain not going, hurts more every day'],
  U8: ['I work with lead paint and get cramps', 'exposed to pesticides and now cramping'],
  U9: ['my foot hurts even in bed and feels better when I hang it over the side', "I've got a sore on my foot that won't heal", 'constant pain in my calf even when resting, it is not cramp'],
  U10: ['the cut on my shin is red and hot and the redness is spreading', 'infected bite on my leg and a high temperature'],
  U12: ['cramps and spotting at 6 weeks pregnant, should i worry', "I'm 10 weeks pregnant and there's blood when I wipe", 'my wife is 8 weeks pregnant and she has some spotting and cramps'],
  U13: ['been sick all night and now dizzy when I stand up', 'had the runs for 3 days and hardly peeing', "vomiting since yesterday and can't keep water down, legs cramping"],
  U14: ['heard a pop at the back of my ankle playing squash and now I cannot stand on tiptoe', 'think I tore my achilles at netball', 'felt a snap at the back of my heel and there is a gap above my heel', 'felt like someone booted me in the back of the heel playing tennis'],
  U15: ['on furosemide, my legs keep cramping and my heart is fluttering', 'water tablets, weak muscles and my heart keeps skipping beats', 'on bendroflumethiazide, cramps all week and my pulse is all over the place'],
  U16: ['sciatica for weeks and now my foot slaps when I walk and it is getting weaker', 'sciatica down my right leg and my foot is dragging more each day', 'sciatica in my right leg getting worse and now the leg is going weak', 'sciatica for weeks and my foot is slapping on the floor when I walk'],
  U17: ['my daughter is 6, she has been limping since yesterday and has a temperature of 38.6', 'my little boy will not put any weight on his leg and he feels hot and feverish', 'our grandson aged 3 is hobbling about and burning up'],
  U18: ['my lower back is killing me and it goes down my leg, and now I have a temperature of 38.8', 'back pain since Monday, today I am hot and shivery with a fever', 'bad backache and a high temperature since last night'],
  U19: ['my thyroid was taken out on Friday and now my lips are tingly and my calves keep cramping', 'had a thyroidectomy last week, pins and needles round my mouth and in my fingers', 'after my parathyroid op my mouth has gone numb and tingly and my hands cramp'],
  U20: ['36 weeks pregnant and the baby has hardly moved today', 'I am 30 weeks pregnant and have not felt the baby kick since yesterday', 'pregnant, calf cramps all night, and the baby movements have slowed down'],
  U21: ['my daughter is 9 and she is always thirsty, peeing all the time and has lost weight without trying', 'type 1 here, ketones are 2.4 on the meter and my calves keep cramping', 'my son of 12 keeps wetting the bed again, drinking like a camel, and his trousers keep falling down'],
  U22: ['on warfarin and there is a massive bruise on my calf that keeps getting bigger', 'I take eliquis and my wee has blood in it', 'my dad is on blood thinners, knocked his leg and now the bruise is getting bigger'],
  U23: ['sickle cell crisis in my legs and the painkillers are doing nothing', 'I have sickle cell anaemia, my thighs have been in agony since last night', 'my son has sickle cell disease and his leg pain is getting worse even with his medicine'],
  U24: ['I think I have shingles, a rash of blisters on my thigh', 'a band of blisters on one side of my leg after days of burning pain', 'little blisters in a line down the back of my leg, only on the left'],
  U26: ['my daughter is 4 and has had a temperature for 5 days now, her lips are cracked', 'I have had a fever for 6 days now and my legs ache', 'my little boy has had a fever for over a week and his eyes are bloodshot', 'six days of high temperature in my son of 3, his hands look puffy'],
  U27: ['woke up and cannot put any weight on my right leg, my knee is hot and I have a temperature of 38.5, no fall', 'I cannot put weight on my left leg since this morning and I am feverish and shivery', 'my husband will not put any weight on his leg and has a temperature of 39'],
  U29: ['my ankles have swollen up this week and I cannot lie flat at night, I have to sleep propped up on pillows', 'legs puffy up to the knees and breathless when I lie down, so I sleep sitting up in the chair'],
  U28: ['34 weeks pregnant, my hands and feet itch like crazy every night, no rash', 'pregnant and the soles of my feet are so itchy I cannot sleep', '36 weeks and itching all over, worse at night, plus leg cramps'],
  U30: ['my baby is 5 weeks old and has a temperature of 38.3', 'our newborn son, 10 days old, feels hot and the thermometer says 38.1', 'my daughter is 8 weeks old, she has a fever and is not feeding as well'],
  U25: ['my son is 6, bruises all over him we cannot explain and he keeps getting temperatures', 'my daughter has big bruises for no reason and a fever, and her legs ache at night', "my little boy is pale, covered in bruises he didn't get from anything and has had a high temperature"],
  U11: ['had a temperature for three days and it is getting worse', 'temp of 39 and not getting any better, legs aching'],
  G1: ['cramps every night', 'the cramps keep waking me up', 'my cramps are ruining my life', 'cramps every day more and more for 2 months, every night', 'used to get a cramp once a month, now it is 4 or 5 nights a week and creeping up', 'my leg cramps are coming more and more at night'],
  G2: ['pins and needles and cramps', 'both my ankles are swollen'],
  G3: ['my leg muscles are twitching', 'my calves are getting thinner', 'I keep tripping over my foot'],
  G4: ['my calves hurt when I walk and it goes when I stop'],
  G5: ['since starting water tablets I get cramps', 'my new inhaler gives me cramps'],
  G6: ['creepy crawly feeling in my legs at night', 'I get an urge to move my legs'],
  G7: ["I'm diabetic and get cramps", 'I have an underactive thyroid', 'my feet burn and tingle at night'],
  G8: ["I'm pregnant and the cramps wake me every night", "I'm pregnant, can I take magnesium?"],
  G9: ['when I run my shins go tight and numb and it settles when I stop'],
  G13: ['my sciatica has been going on for six weeks and is not getting any better', 'sciatica down one leg for a month and it is stopping me sleeping'],
  G14: ['strained my calf playing squash three weeks ago and it is still not getting any better', 'pulled my thigh muscle at the gym a month back, rested it, no better at all', 'shin splints for six weeks, rested and iced, still not getting better'],
  G15: ['gout in my big toe twice this year, how do I stop it coming back', 'third gout attack since the summer, is there anything to stop them'],
  G16: ['a red ring like a target on my thigh a week after a walk in the woods', 'found a tick on my calf after camping and now there is a red rash round it', 'a bulls eye rash on my leg after a tick bite'],
  G11: ['I have varicose veins and get cramps', 'a lump behind my knee and cramps in that calf'],
  G12: ['I have a high temperature and my legs keep cramping', 'temp of 38.7 with cramps in both calves'],
  S1: ['I had a cramp in my calf last night', 'what helps a cramp?'],
  S2: ['cramp in my calf during football', "I'm 22 weeks pregnant and had a cramp"],
  S3: ['cramps in the heat, went away after cooling down and a drink'],
};

describe('the rule table', () => {
  const catalogue = engine.catalogue!();

  it('has every rule of medical.md §2, the gaps of §7, E9, U13–U30, G13–G16 (E0–E9, U1–U30 with U2b, G1–G9, G11–G16, S1–S3), each with lay phrasings here', () => {
    const expected = [
      ...['E0', 'E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9'],
      ...['U1', 'U2', 'U2b', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9', 'U10', 'U11', 'U12', 'U13', 'U14', 'U15', 'U16', 'U17', 'U18', 'U19', 'U20', 'U21', 'U22', 'U23', 'U24', 'U25', 'U26', 'U27', 'U28', 'U29', 'U30'],
      ...['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7', 'G8', 'G9', 'G11', 'G12', 'G13', 'G14', 'G15', 'G16'],
      ...['S1', 'S2', 'S3'],
    ];
    expect(catalogue.map((rule) => rule.id).sort()).toEqual([...expected].sort());
    expect(Object.keys(LAY_PHRASINGS).sort()).toEqual([...expected].sort());
  });

  it.each(catalogue.map((rule) => [rule.id, rule] as const))('%s has safe wording and an NHS, NICE or MHRA source', (_id, rule) => {
    expect(rule.wording.length).toBeGreaterThan(20);
    expect(findSafetyProblems(rule.wording)).toEqual([]);
    expect(rule.wording).not.toMatch(/\{\w+\}/);
    for (const source of rule.sources) {
      expect(isTrustedSourceUrl(source.url)).toBe(true);
      // A regional NHS Healthier Together page (NHS child-health advice for parents) is cited by U17 only, NICE's
      // information for the public on sickle cell pain by U23 only, two NHS trusts' maternity pages on obstetric cholestasis
      // by U28 only.
      expect(source.url).toMatch(/^https:\/\/(www\.nhs\.uk|www\.nice\.org\.uk\/guidance\/(cg143|ng12)|[a-z]+-healthiertogether\.nhs\.uk|cks\.nice\.org\.uk|www\.gov\.uk|www\.nidirect\.gov\.uk|www\.nhsinform\.scot|www\.uhb\.nhs\.uk|bhrhospitals\.nhs\.uk)\//);
    }
  });

  it.each(REGIONS)('passes the safety scan in the words of region %s', (region) => {
    for (const rule of loadTriageEngine(CORPUS_DIR, region).catalogue!()) {
      expect([rule.id, findSafetyProblems(rule.wording)]).toEqual([rule.id, []]);
      expect(rule.wording).not.toMatch(/\{\w+\}/);
    }
  });

  it('words every red flag as "could be a sign of …", never as a diagnosis', () => {
    // The rules whose table row names a possible cause (the others only say when to get checked).
    const namingACause = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E8', 'U1', 'U2', 'U3', 'U4', 'U5', 'U7', 'U8', 'U9', 'U10', 'G3', 'G4', 'G6', 'G9'];
    for (const rule of catalogue.filter((r) => namingACause.includes(r.id))) {
      expect(rule.wording).toMatch(/could be a sign (?:of|that) .*(?:which needs|which a)/s);
    }
    for (const rule of catalogue) expect(rule.wording).not.toMatch(/\byou (?:have|'ve got)\b/i);
  });
});

describe.each(Object.entries(LAY_PHRASINGS))('rule %s', (id, phrasings) => {
  const level = engine.catalogue!().find((rule) => rule.id === id)!.level;
  it.each(phrasings)(`fires on "%s" at level ${level} or above`, (text) => {
    const result = assess(text);
    expect(result.rules).toContain(id);
    expect(rank(result.level)).toBeGreaterThanOrEqual(rank(level));
  });
});

describe('matching real typing', () => {
  /** What must, or must not, come of a conversation: its level, a rule among its rules, or a rule that is not. */
  type Reading = { level: TriageLevel } | { rule: string } | { notRule: string } | { notAsked: string };
  const expectReading = (messages: string[], reading: Reading) => {
    const result = assess(...messages);
    if ('level' in reading) expect(result.level).toBe(reading.level);
    if ('rule' in reading) expect(result.rules).toContain(reading.rule);
    if ('notRule' in reading) expect(result.rules).not.toContain(reading.notRule);
    if ('notAsked' in reading) expect(result.ask ?? []).not.toContain(reading.notAsked);
  };

  // Each row: what it shows, the messages one per turn, and the reading. Found by first-sight batches.
  it.each<[string, string[], Reading]>([
    // Read in stop 61 from fiy-s05 and fiz-s08 (batches IY, IZ), in other words: a medicine the writer goes on to say
    // they do not take is not theirs, and what a medicine "can cause" is no condition of theirs; guards: a statin the
    // writer does take stays taken.
    ['a statin the writer then says they are not on is not theirs', ['heard on the radio that cholesterol tablets wreck your muscles, worried me as my calves cramp after gardening. I am not on a statin, or on anything'], { level: 'self_care' }],
    ['"news" is no new medicine', ['it was on the news that cholesterol pills cause cramps, I get one in my foot now and then and it goes with a stretch'], { notRule: 'G5' }],
    ['what a medicine "can cause" is no condition of the writer', ['my sister says statins cause kidney failure, I do not take any statin, only the odd night cramp in my foot'], { notRule: 'G7' }],
    ['guard: "not any other statin" leaves the statin taken', ['I take atorvastatin, not any other statin, and my legs ache and cramp'], { rule: 'U2' }],
    ['guard: "I don\'t take my statin at weekends" is still a statin taken', ["I'm on lipitor. I don't take my statin at weekends though. my legs ache"], { rule: 'U2' }],
    // Read in stop 61 from batches JA and JB (2026-12-05), in other words; guards keep what must stay.
    ['lips that prickle after the thyroid was taken out are tingling round the mouth', ['had my thyroid removed last week, tonight my lips keep prickling'], { rule: 'U19' }],
    ['a throat that feels narrow and a squeaky sound breathing are an airway closing: 999', ['my throat feels narrow and my breathing makes a high squeaky sound'], { level: 'emergency' }],
    ['a mouth gone funny on one side and words that came out jumbled are stroke signs', ['dad has cramp in his leg, and his mouth has gone funny on the left side, his words came out all jumbled'], { rule: 'E0' }],
    ['a red leg with confusion and blotchy skin is sepsis: 999', ['gran has had a red leg for five days, tonight she is talking to people who are not there and her knees are blotchy'], { level: 'emergency' }],
    ['sciatica down one leg, then in both, is urgent (nhs.uk sciatica)', ['sciatica shooting down the back of my leg since monday', 'and now it is in both legs'], { rule: 'U16' }],
    ['guard: "both legs strong" is no sciatica in both', ['sciatica down my right leg for six weeks, no better, both legs strong'], { notRule: 'U16' }],
    ['a strain weeks ago that still hurts is a strain not getting better', ['pulled my hamstring sprinting about four weeks ago, it is still sore when I bend'], { rule: 'G14' }],
    ['"should it have healed by now" is not getting better', ['strained my calf at football a month back, it still twinges, should it have healed by now?'], { rule: 'G14' }],
    ['skin red and hot from falling asleep in the sun is no red leg', ['fell asleep in the sun at the park, my shins are red and hot, calves cramped a bit on the way home'], { level: 'self_care' }],
    ['pee pale yellow again after drinking withdraws the dark pee', ['cut the hedge in the heat, pee was dark this morning, drank loads and it is pale yellow again, legs fine'], { notRule: 'U2b' }],
    ['red pee after beetroot juice, said in the next sentence, is not dark urine', ['my wee went pinkish red after the gym. Then I remembered I had beetroot juice yesterday'], { notRule: 'U2b' }],
    ['feet white after a winter dip, pink and warm again, are a cold that passed', ['went for a winter dip, my feet went white and numb, twenty minutes later pink and warm again'], { level: 'self_care' }],
    ['a rash that goes white when pressed is not a rash that does not fade', ['itchy red spots on my thighs after the run, I did the glass test and it goes white when I press'], { notRule: 'E0' }],
    ['a bite that bled and stopped, then cramps: the bleeding stopped, not the cramp', ['a dog bit my calf this morning, skin broken, the bleeding stopped after I pressed, and now my leg is cramping'], { rule: 'U6' }],
    ['swelling round a sting is no swollen leg', ['stung on the calf by a bee an hour ago, swollen up round the sting, breathing fine'], { notRule: 'U1' }],
    ['a cramp "which went", after a graze that is healing, is no cramp after a wound', ['grazed my knee on the pavement, healing nicely, had a cramp in my calf last night which went'], { notRule: 'U6' }],
    ['a writer who takes no medicine at all has no statin of their own', ['my nan takes statins and gets cramps. I do not take any medicine. I get the odd calf cramp after netball, should I worry about statins?'], { level: 'self_care' }],
    // Read in stop 62 from batches JE and JF (2026-12-06), in other words; guards keep what must stay.
    ['a red hot leg, not knowing her own family and breathing fast is sepsis: 999', ['gran has a red hot leg since tuesday, today she does not know who I am and her breathing is really quick'], { level: 'emergency' }],
    ['pee like coke and "barely been since" is dark urine with little of it: 999', ['after the spin class my thighs are agony, my wee was like coke and I have barely been since'], { level: 'emergency' }],
    ['the cord above the heel sore every morning for weeks is a heel tendon not getting better', ['the cord above my heel has been sore and stiff every morning for about seven weeks'], { rule: 'G14' }],
    ['a tongue that feels massive after a sting is an airway closing: 999', ['stung on the leg ten minutes ago and now my tongue feels massive and I feel dizzy'], { level: 'emergency' }],
    ['a foot cold and blue-black since this afternoon, very painful, that cannot feel a touch, is a blocked artery: 999', ['my father has had walking cramps for years, from today afternoon his foot is cold and his toes blue black, very very pain, he cannot feel when I touch the foot'], { rule: 'E2' }],
    ['a baby moving less late in pregnancy is urgent (nhs.uk baby movements)', ['I am 35 weeks pregnant with cramps in my calves', 'and the baby has been quiet all day, only kicked once'], { rule: 'U20', level: 'urgent' }],
    ['guard: a baby kicking as usual is no U20', ['33 weeks pregnant, leg cramps at night, baby kicking loads as usual'], { notRule: 'U20' }],
    // Read in stop 63 from batches JM and JN (2026-12-06), in other words; guards keep what must stay.
    ['the same signs in an adult stay a GP visit', ['leg cramps lately, always thirsty, weeing all the time and lost weight without trying'], { level: 'gp' }],
    ['guard: "ketones are fine" is no raised reading', ['type 1, leg cramps at night, ketones are fine, sugars normal'], { notRule: 'U21' }],
    ['guard: ketones on a keto diet are no raised reading', ['on a keto diet, ketone meter says 1.9, calves cramp at night'], { notRule: 'U21' }],
    ['a child with the signs of diabetes who is being sick and breathing fast: 999', ['my girl is 8, always thirsty, wetting the bed again and lost weight, now she keeps being sick and her breathing is fast'], { level: 'emergency' }],
    ['days of being sick with cramps and a skipping heartbeat are urgent (the salts)', ['four days of diarrhoea and being sick, my legs cramp and feel weak and my heart keeps skipping'], { rule: 'U13' }],
    ['a feverish child with a hot swollen joint who is listless: 999', ['my little girl of 3 has a hot swollen ankle and a temperature of 39, she is listless and just lies there staring'], { level: 'emergency' }],
    ['"parathyroids done" is neck surgery', ['had my parathyroids done last week, my fingertips and round my mouth are tingling'], { rule: 'U19' }],
    ['Scots "roon ma mooth" is round the mouth', ['had ma thyroid oot on friday, pins and needles roon ma mooth'], { rule: 'U19' }],
    ['a big toe "come up like a beetroot" with shivers is a red hot swelling with a fever', ['my big toe has come up like a beetroot and I am hot and shivery'], { rule: 'U10' }],
    ['"up to date with my shots" is a tetanus jab up to date', ['scraped my knee on a rusty nail, I am up to date with my shots, does tetanus matter?'], { level: 'self_care' }],
    // Read in stop 63 from batches JQ and JR (2026-12-06), in other words; guards keep what must stay.
    ['type 1 diabetes, being sick, breath of pear drops and deep fast breathing: 999', ['type 1 diabetic, being sick all morning, my breath smells like pear drops and I am breathing deep and fast'], { level: 'emergency' }],
    ['a glucose meter that reads "HI" is a sugar too high to read', ['type 1, my meter just says HI and my legs keep cramping'], { rule: 'U21' }],
    ['a baby called "she" who has been quiet is the mother\'s finding', ['34 weeks pregnant, cramps in my calves', "she's been really quiet today, I've barely felt anything since breakfast"], { rule: 'U20' }],
    ['a foot dead from sitting on it, "everything normal" in minutes, is no blocked artery', ['sat on my foot through a long film, it went dead and I nearly fell, after two minutes everything normal'], { level: 'self_care' }],
    ['toes in a "twisted shape" are a cramp, not an injury', ["my toes just went into this horrible twisted shape, big toe pointing up, couldn't move it for a minute, then it went"], { notRule: 'E3' }],
    ['guard: a foot twisted after a fall is still an injury', ['fell off the ladder and my foot is in a twisted shape, swollen and numb, pain is severe'], { rule: 'E3' }],
    // Read in stop 64 from batches JS and JT (2026-12-06), in other words; guards keep what must stay.
    ['a fall on a wet floor with screams when the leg is lifted: 999', ['my nan slipped on the wet kitchen floor, she screams if we try to lift her leg'], { level: 'emergency' }],
    ['a joint "very big", red and hot, with a fever since the morning, is urgent', ['my wife has had gout before, now her ankle is very big, red and hot and she has had a fever since the morning'], { rule: 'U10' }],
    ['a dog bite that broke the skin is urgent', ['the neighbours dog bit me on the shin, it broke the skin'], { rule: 'U6' }],
    ['guard: a dog bite that did not break the skin is no U6', ['a dog bite me on the leg but it did not break the skin, just a bruise'], { notRule: 'U6' }],
    ['guard: an insect that bit me, scratched till it bled, is no animal bite', ['a mosquito bit me on the ankle and I scratched it till it was bleeding'], { notRule: 'U6' }],
    ['Urdu "peshab" is urine: dark, and none since lunch, after a hard session: 999', ['after a hard gym session my thighs are swollen and weak, my peshab is dark like cola and nothing since lunch'], { level: 'emergency' }],
    ['a foot cold, white and numb "since the afternoon" is sudden, whatever the years of bad circulation', ['I have had bad circulation in my legs for years, but since the afternoon my left foot is cold and white and numb'], { rule: 'E2' }],
    ['a foot "flapping" with back pain and sciatica is a foot drop', ['bad back for a week and pain down my leg, today my foot is flapping when I walk'], { rule: 'U16' }],
    ['a glass test with "nothing there" is no rash that stays', ['worried about meningitis, legs ache after football, no rash, did the glass test anyway, nothing there'], { level: 'self_care' }],
    ['pale wee and calves that "cramped massively" in a race are no pale or swollen leg', ['calves cramped massively in the half marathon, wee is pale, legs sore as expected'], { level: 'self_care' }],
    ['a hamstring pulled "about a month back" that still twinges is a GP visit', ['pulled my hamstring about a month back, it is better but still twinges when I sprint'], { rule: 'G14' }],
    ['guard: a strain weeks ago that has healed is no G14', ['pulled my calf three weeks ago, healed now, still get the odd cramp at night'], { notRule: 'G14' }],
    // Read in stop 64 from batches JW and JX (2026-12-06), in other words; guards keep what must stay.
    ['allergic, lips gone big and a noise when he breathes in: 999', ['he is allergic to nuts and ate some, now his lips are big and he makes a noise when he breathes in'], { level: 'emergency' }],
    ['a bone poking through the skin after a fall on the hill: 999', ['slipped on the rocks, there is bone poking through the skin above my ankle'], { rule: 'E3' }],
    ['a foot pointing the wrong way after a fall: 999', ['fell off the wall and my foot is pointing the wrong way, cannot stand'], { rule: 'E3' }],
    ['guard: toes pointing the wrong way in a cramp are no broken bone', ['my toes point the wrong way when the cramp comes at night, then it goes'], { notRule: 'E3' }],
    ['tingling in the fingers and around the lips after the thyroid was taken out: urgent', ['my thyroid was taken out on monday, now tingling in my fingers and around my lips'], { rule: 'U19' }],
    ['pee the color of iced tea after a marathon is urgent', ['ran a marathon sunday, my pee today is the color of iced tea'], { rule: 'U2b' }],
    ['weakness "climbing" from both legs to the hips, with breathing hard, is 999', ['my legs have been tingling and weak for 3 days', 'now the weakness is climbing up to my hips and it is hard to take a deep breath'], { level: 'emergency' }],
    ['guard: legs weak climbing the stairs on a statin is not the climbing weakness', ['on atorvastatin, my legs feel weak climbing the stairs and they ache'], { notRule: 'E6' }],
    ['"baltic" sea water that numbed the feet, feeling back and toes pink, is no blocked artery', ['did the boxing day dip, water was baltic, feet went numb and white, within 20 min feeling back and toes pink'], { level: 'self_care' }],
    ['a leg dead from sitting with it tucked under me, back to normal in a minute, is no blocked artery', ['sat on a crate with my leg tucked under me, stood up and the whole leg was dead, could not feel it, back to normal within a minute'], { level: 'self_care' }],
    // Read in stop 65 from batches KA and KB, and the misses of earlier batches with no rule (2026-12-06), in other words.
    ['a huge bruise spreading down the calf on warfarin is urgent', ['I take warfarin, woke with a huge bruise spreading down my calf and I never knocked it'], { rule: 'U22' }],
    ['blood in the pee on apixaban is urgent', ['on apixaban for my AF, leg cramps lately and today there is blood in my pee'], { rule: 'U22' }],
    ['a big black and blue bruise after a knock on rivaroxaban is urgent', ['my mum is on rivaroxaban, she banged her shin on the step and has a big black and blue bruise'], { rule: 'U22' }],
    ['guard: bruising easily on warfarin, with cramps getting worse, is no U22 (nhs.uk warfarin page)', ['on warfarin, my cramps are getting worse and I bruise easily'], { notRule: 'U22' }],
    ['guard: bleeding gums alone on warfarin are not dangerous (nhs.uk warfarin page)', ['on warfarin and my gums bleed a little when I brush, calves cramp at night'], { notRule: 'U22' }],
    ['guard: a big bruise with no blood thinner is no U22', ['got a big bruise on my thigh from the rugby, cramps after the match'], { notRule: 'U22' }],
    ['a sickle cell crisis in the legs not eased by the usual painkillers is urgent', ['I have sickle cell, a crisis started in both legs this morning and my usual painkillers are not helping'], { rule: 'U23' }],
    ['guard: the sickle cell trait with an ordinary cramp is no crisis', ['I carry the sickle cell trait, got a cramp in my calf last night that went after a minute'], { notRule: 'U23' }],
    ['a stripe of blisters on one side after days of burning pain is shingles: urgent', ['burning pain in my thigh for days, now a stripe of small blisters has come up on that side only'], { rule: 'U24' }],
    ['guard: the shingles jab is no shingles', ['had my shingles jab yesterday and my legs cramped in the night'], { notRule: 'U24' }],
    ['a child who will not put weight on a leg is urgent without a fever', ['my son is 5, since this morning he will not put weight on his left leg and wants carrying, no temperature'], { rule: 'U17' }],
    ['guard: a child whose cramp stopped him standing for a minute, then went, is no U17', ['my boy is 9, cramp in his calf at football, would not put weight on it for a minute, then it went and he played on'], { notRule: 'U17' }],
    ['feeling "a bit washed out" after hay-making in the heat is no pale leg', ['cramps in my thighs haymaking all afternoon in the heat and I felt a bit washed out, fine after a drink in the shade'], { level: 'self_care' }],
    ['"exhausted and pale" in pregnancy is no pale leg', ['29 weeks pregnant, my legs will not settle at night and then cramp, I am exhausted and pale too'], { notRule: 'E2' }],
    ['"wee has gone pinky red" is no red leg', ['my wee has gone pinky red after beetroot, had a cramp in my calf last night'], { notRule: 'U1' }],
    ['"I read clots make your calf sore" is a fear, not a clot risk', ['calves sore after my first park run, I read clots make your calf sore and now I am worried'], { notRule: 'U1' }],
    ['a jerk "awake just as I am dropping off" is no fit', ['my whole body jerks awake just as I am dropping off, then my calf cramps'], { notRule: 'E0' }],
    ['guard: a whole body jerking on the floor is still a fit', ['my husband is on the floor, his whole body jerking and he will not answer'], { rule: 'E0' }],
    ['a leg numb from sitting cross-legged that "came back within about a minute" is no blocked artery', ['my leg went numb and I could not move it', 'I had been sitting cross legged for hours, it came back within about a minute'], { notRule: 'E2' }],
    // Read in stop 66 from batches KE and KF (2026-12-06), in other words.
    ['sickle cell with a temperature or short of breath is 999', ['I have sickle cell, a crisis in my thighs since last night and now a temperature and I am short of breath'], { rule: 'E9', level: 'emergency' }],
    ['guard: the sickle cell trait with a cold and a temperature is no E9', ['I carry the sickle cell trait, got a cold with a temperature and my calves cramped in the night'], { notRule: 'E9' }],
    ['a child with unexplained bruises and temperatures is urgent (NICE NG12)', ['my girl is 8, she has bruises all over that we cannot explain and keeps having temperatures, her legs ache at night'], { rule: 'U25', level: 'urgent' }],
    ['guard: a footballer\'s bruised shins with no temperature are no U25', ['my son is 12, bruises all over his shins from football and cramp in his calf after matches'], { notRule: 'U25' }],
    ['cola-coloured pee with thighs swollen tight and unbearable pain after a workout is 999', ['did a squat challenge yesterday, my thighs are swollen and rock hard, the pain is unbearable and my pee is the colour of cola'], { rule: 'E3', level: 'emergency' }],
    ['guard: dark pee and achy thighs after squats, nothing tight or severe, stay U2b', ['my thighs ache after squats yesterday and my pee is dark brown'], { notRule: 'E3' }],
    ['pain going down the left arm with sweating, after a calf cramp, is 999', ['had a calf cramp earlier. now a crushing feeling. going down my left arm. sweating loads'], { rule: 'E0', level: 'emergency' }],
    ['tingling in the fingertips and round the lips after a parathyroid operation is urgent', ['had my parathyroid op on thursday, since today tingling in my fingertips and round my lips on and off'], { rule: 'U19' }],
    ['a child drinking loads and weeing constantly whose clothes hang off him is urgent', ['my son is 10, drinking loads and weeing constantly, even in the night, and his clothes are hanging off him'], { rule: 'U21' }],
    ['a hook through the thumb, tetanus jab not known, is a wound for tetanus', ['hook went through my thumb gutting mackerel, cleaned it, dunno when my last tetanus jab was'], { rule: 'U6' }],
    ['guard: "me da had the PAD" is the father\'s, not the writer\'s ("da" is not respelled "the" after "me")', ['me da had the PAD and lost his leg, i get the odd cramp in the calf in bed when its cold, goes when i walk about'], { notRule: 'U9' }],
    ['guard: "am i getting a clot??" asks, it names no clot', ['got new trainers, calf a bit tight and achy, no swelling, breathing fine, havent flown. am i getting a clot??'], { level: 'self_care' }],
    ['guard: a leg dead from sitting on the foot that came back in a few seconds is no blocked artery or spine', ['sat on my foot watching telly, stood up and the whole leg was dead, then it came back within a few seconds and its fine now'], { level: 'self_care' }],
    ['veins "knobbly and twisty" with aching legs are varicose veins: a GP visit', ['the veins behind my knees are all knobbly and twisty, my legs ache by the evening and cramp at night'], { rule: 'G11' }],
    ['guard: veins popping out with the pump after leg day are no varicose veins', ['after leg day my calves were pumped and the veins on my shins were popping out, all went down in an hour'], { notRule: 'G11' }],
    ['a pulled "hammy" a month ago that is not getting better is a GP visit', ['pulled my hammy a month ago, still twinges every time I run, not getting better'], { rule: 'G14' }],
    ['guard: the whole body jerking when falling asleep is no fit', ['my whole body jerks when I fall asleep and then my calf cramps'], { notRule: 'E0' }],
    // Read in stop 67 from batches KI and KJ (2026-12-06), in other words.
    ['calf swollen, warm and red after coming back from a relative\'s abroad by coach is the writer\'s clot risk: urgent', ['calf\'s been sore since I got back from me mam\'s in Portugal on the coach. Swollen and warm, a bit red. Breathing fine.'], { rule: 'U1' }],
    ['a 12-year-old writing "im 12" with a limp and a temperature is a child: urgent', ['im 12 i have been limping since yesterday with pain at the top of my leg and i had a temperature of 38 last night'], { rule: 'U17' }],
    ['a leg that appears shorter, the foot turned outwards, after a fall is a broken bone: 999', ['slipped on the kitchen floor this morning', 'my right leg appears shorter than the left and the foot is turned outwards, cannot get up'], { rule: 'E3', level: 'emergency' }],
    ['a burst varicose vein still pumping through the towel is heavy bleeding: 999', ['a varicose vein on my shin burst, I have pressed a towel on it for twenty minutes and it is still pumping through'], { rule: 'E0', level: 'emergency' }],
    ['woken by a cramp at one, it is now nearly two and it has not let go: urgent', ['a cramp woke me at one o\'clock in my left calf', 'it is now nearly two and the cramp has not let go even after walking and stretching'], { rule: 'U7' }],
    ['a sore on her heel with pus and red skin round it, that the writer noticed, is hers: urgent', ['my nan is diabetic', 'I noticed a sore on her heel with pus coming out and the skin round it is red and puffy'], { level: 'urgent' }],
    ['guard: a leg numb from sitting cross-legged at a grandson\'s nativity, back in a minute, is the writer\'s and passed', ['my dad had a stroke so I worry. my leg went numb sitting cross-legged at my grandson\'s nativity and came back within a minute with pins and needles, face and arms fine'], { level: 'self_care' }],
    ['guard: a leg that fell asleep under the writer in a chair and came back with pins and needles is no blocked artery', ['woke up in the armchair and could not feel my leg at all, dead as anything', 'I had fallen asleep with it under me, it came back wi pins and needles in a minute and it is fine now'], { level: 'self_care' }],
    // Stop 77: found after stop 76's CI, in other words than the messages'.
    ['guard: cramps since a coil was fitted are no fit', ['had my coil fitted yesterday, cramping since the fitting, is that normal'], { notRule: 'E0', level: 'self_care' }],
    ['someone fitting on the floor is still 999', ['my dad is fitting on the kitchen floor and will not wake'], { rule: 'E0', level: 'emergency' }],
    ['guard: water tablets read about, "but am not on any", are not the writer\'s', ['I read cramps can come from water tablets but am not on any'], { level: 'self_care' }],
    // Read in first-sight batches NS and NT (on ead5301), in other words than theirs.
    ['a type 1 diabetic spewing, very thirsty, with breath like pear drops is 999 (E0, ketoacidosis)', ['type 1 diabetic here, spewing since teatime, so thirsty, my breath smells like pear drops'], { rule: 'E0', level: 'emergency' }],
    ['raised ketones and "that drowsy" is 999 (E0)', ['my ketones are high and I am that drowsy I can barely keep my eyes open'], { rule: 'E0', level: 'emergency' }],
    ['where the needle went in: agony far worse than it should be, gone purple, a high temperature is 999 (E8)', ['where I injected on my thigh is agony, way worse than it should be, the skin has gone purple and I have a high temperature'], { rule: 'E8', level: 'emergency' }],
    ['guard: a sore flu jab site and calf cramps are no tetanus', ['injection site from my flu jab is a bit sore, and I get calf cramps at night'], { notRule: 'U6', level: 'self_care' }],
    ['tingling around the mouth and fingers after an operation on the parathyroid is urgent (U19)', ['two days after an operation on my parathyroid I have tingling around mouth and in my fingers'], { rule: 'U19', level: 'urgent' }],
    ['a child whose calves hurt so he walks on his toes and whose wee is getting darker after a bug is urgent (U2b)', ['after a tummy bug my son walks on his toes, his calves hurt and his wee is getting darker'], { rule: 'U2b', level: 'urgent' }],
    ['guard: wee darker on hot days with the odd cramp is self-care', ['my wee is darker on hot days and I get the odd cramp'], { notRule: 'U2b', level: 'self_care' }],
    ['guard: feet numb "at the bottoms" are the soles, not the saddle area (no E6)', ['both feet going numb and tingly at the bottoms for months, I have diabetes'], { notRule: 'E6' }],
    // Read in first-sight batches NW and NX (on 0fe1e70), in other words than theirs.
    ['a scrape whose pain is massive, the skin going dark, then sick and dizzy is 999 (E8)', ['scraped my shin on a pallet yesterday', 'the pain is massive now and the skin is going dark round it, I feel sick and dizzy'], { rule: 'E8', level: 'emergency' }],
    ['statins that are "my husband\'s, not mine" are not the writer\'s', ['Statins are my husband\'s, not mine, and I get the odd night cramp'], { notRule: 'U2', level: 'self_care' }],
    ['cramps with "putting weight on", tired and cold are worth a GP (G7)', ['I have been putting weight on, always tired and cold, and my calves cramp'], { rule: 'G7', level: 'gp' }],
    ['guard: weight put on a sore knee is no weight gained', ['my knee hurts to put weight on and my calf cramps at night'], { notRule: 'G7' }],
    ['Scots "stop a wee while" is a rest, and worse "the last few months" is walking pain for a GP (G4)', ['my legs ache walking up the hill and ease off if I stop a wee while', 'it has been getting worse the last few months'], { rule: 'G4', level: 'gp' }],
    ['guard: a son with leg cramps "tired all the time and looks pale" has a pale face, not a pale leg (no E2)', ['my son gets leg cramps and he is tired all the time and looks pale'], { notRule: 'E2' }],
    // Stop 76: found after stop 75 (read in NH and over HTTP), in other words than the cases'.
    ['a feverish child who then cannot bend her neck and whom the light hurts is 999 (E0, meningitis)', ['my daughter is 7 and red hot, she says her legs ache', 'now she cannot bend her neck forward and the light hurts her eyes'], { rule: 'E0', level: 'emergency' }],
    ['a stiff neck with the light hurting the eyes is 999 with no temperature named (E0)', ['my son has a stiff neck and says the light hurts his eyes'], { rule: 'E0', level: 'emergency' }],
    ['guard: a stiff neck alone from sleeping awkwardly is no meningitis', ['slept funny and woke up with a stiff neck, calves tight too'], { notRule: 'E0' }],
    ['a boy "red hot" has a temperature: with a neck that hurts to bend it is 999 (E0)', ['my boy is 6 and red hot tonight, his legs ache', 'his neck hurts when he bends it'], { rule: 'E0', level: 'emergency' }],
    ['being sick for four days with cramps needs checking today (U13, nhs.uk diarrhoea and vomiting)', ['I have been throwing up for four days now and my legs keep cramping'], { rule: 'U13', level: 'urgent' }],
    ['guard: sick of cramps for three days is no vomiting', ['I am sick of these calf cramps, three days in a row now'], { notRule: 'U13' }],
    ['guard: a calf shaking and not responding to stretching is a cramp, not a fit', ['my calf is shaking and not responding to stretching'], { notRule: 'E0' }],
    ['a man shaking and not responding is still 999', ['my husband is shaking and not responding'], { rule: 'E0', level: 'emergency' }],
    ['guard: a lump behind the ear is no Baker\'s cyst', ['a lump has come up behind my ear, and my calves cramp at night'], { notRule: 'G11' }],
    // Read in first-sight batches NK and NL (on 6a464b2), in other words than theirs.
    ['a graze whose pain is "far worse than the graze", gone purple, with a temperature is 999 (E8)', ['caught my shin on a shelf, just a small graze', 'the pain is far worse than the graze now, it has gone purple round it and I have a temperature'], { rule: 'E8', level: 'emergency' }],
    ['cramps everywhere on a water tablet with a fluttering heart are the salts (U15), not tetanus', ['I was started on a water tablet last month, now I get cramps everywhere and my heart flutters'], { notRule: 'E4', rule: 'U15', level: 'urgent' }],
    // Read in first-sight batches NO and NP (on 55bcc37), in other words than theirs.
    ['a heavy door that swung shut on the shin, then a leg rock hard and pain off the scale, is 999 (E3)', ['the fire door swung shut on my shin this morning', 'now my lower leg is rock hard and the pain is off the scale'], { rule: 'E3', level: 'emergency' }],
    ['a child who came off a scooter with the leg bent the wrong way is 999 (E3)', ['my daughter came off her scooter and her leg is bent the wrong way at the shin'], { rule: 'E3', level: 'emergency' }],
    ['"worse when I stretch my toes" with a calf swollen tight and agony is 999 (E3)', ['calf swollen tight and the pain is agony, way worse when i stretch my toes'], { rule: 'E3', level: 'emergency' }],
    ['Scots "it will no let go" after a cramp of twenty minutes is U7', ['had a cramp in my calf for twenty minutes, stretched it and it will no let go'], { rule: 'U7', level: 'urgent' }],
    ['"without me" helping: the weak legs and aching thighs are the wife\'s, on her statin (U2)', ['my wife has been on a statin since spring, her legs are that weak she cannot get out of the armchair without me pulling, thighs really aching'], { rule: 'U2', level: 'urgent' }],
    ['a pale child with bruises "we don\'t know where from" and temperatures is urgent (U25)', ['my daughter is 6, she is very pale, has bruises we dont know where from and keeps getting temperatures'], { rule: 'U25', level: 'urgent' }],
    ['a cramp told before "my girl" is named in its clause is hers: twenty minutes and not easing is U7', ['cramp for twenty minutes in my girls calf, she is 9, stretching not helping'], { rule: 'U7', level: 'urgent' }],
    // Stop 75: read in first-sight batches MM and MN (on e393960), in other words than theirs.
    ['a graze gone purple round it, agonising pain and feeling awful is 999 (E8, necrotising fasciitis)', ['grazed my knee on the patio on Sunday', 'the skin round it has gone purple and black, the pain is agonising and I feel really ill'], { rule: 'E8', level: 'emergency' }],
    ['guard: a graze gone purple that hurts a lot, feeling well, is no necrotising fasciitis', ['grazed my shin on the coffee table, it has gone purple round it and it is very painful but I feel fine otherwise'], { notRule: 'E8' }],
    ['hands clamped into claws with tingling lips after a thyroid operation is 999', ['my wife had her thyroid removed on Monday, her lips are tingling and her hands have clamped up like claws'], { rule: 'E0', level: 'emergency' }],
    ['"hands will not open" with tingling round the mouth after neck surgery is 999', ['had neck surgery last week, tingling round my mouth and my fingers will not open'], { rule: 'E0', level: 'emergency' }],
    ['"an egg behind the knee" is a lump behind the knee (G11)', ['there is a thing like an egg behind my knee and it gets tight when I bend it'], { rule: 'G11', level: 'gp' }],
    ['guard: a surf "swell" is no swollen leg', ['what is the swell forecast for newquay tomorrow'], { notRule: 'U1' }],
    // Read in first-sight batches MQ and MR (on 33ecaea), in other words than theirs.
    ['hands gone into claws with tingling fingers after a parathyroid operation is 999', ['mum had her parathyroid surgery on Friday', 'her fingers are tingling and now her hands have gone into claws'], { rule: 'E0', level: 'emergency' }],
    ['guard: hands into claws with tingling fingers and no operation on the neck is no low calcium 999', ['my hands go into claws when I write for a long time and my fingers tingle'], { notRule: 'E0' }],
    ['"struggling to get air" with a swollen calf is 999', ['my calf has been swollen for two days and now I am struggling to get air'], { rule: 'E1', level: 'emergency' }],
    ['a throat that "feels like it\'s shutting" after a sting is 999', ['a wasp got me on the ankle and now my throat feels like it is shutting'], { rule: 'E0', level: 'emergency' }],
    ['a scaffold pole that "came down on my leg", with unbearable pain, is 999 (E3)', ['a scaffold pole came down on my leg at work and the pain is unbearable'], { rule: 'E3', level: 'emergency' }],
    ['a limp with a temperature of 38.7 in a husband is urgent (U17)', ['my husband has been limping since yesterday, no injury, and he has a temperature of 38.7'], { rule: 'U17', level: 'urgent' }],
    ['guard: a limp after a twisted ankle with no temperature is no U17', ['my husband is limping after twisting his ankle at football, no temperature'], { notRule: 'U17' }],
    ['"Kid" opening the message is a child: not putting weight on a leg is urgent (U17)', ['Kid will not put any weight on his left leg since he got up'], { rule: 'U17', level: 'urgent' }],
    ['a lump come up behind "mi knee" is a lump behind the knee (G11)', ['a lump has come up behind mi knee, soft, tight when I kneel'], { rule: 'G11', level: 'gp' }],
    ['veins "all knotty" are varicose veins (G11)', ['the veins on my calves are all knotty and my legs ache by the evening'], { rule: 'G11', level: 'gp' }],
    // Read in first-sight batches MU and MV (on 6d7dd1b), in other words than theirs.
    ['hands locking into claws with a twitching face after a thyroid operation is 999', ['my thyroid came out on Tuesday and tonight my hands keep locking into claws and my face is twitching'], { rule: 'E0', level: 'emergency' }],
    ['guard: an eyelid twitching years after a thyroid operation, hands fine, is no low calcium 999', ['had my thyroid out years ago, my eyelid twitches when I am tired'], { notRule: 'E0' }],
    ['"they took out her thyroid" is neck surgery: tingling round the mouth is urgent (U19)', ['two days since they took out her thyroid and now her lips and round her mouth are tingling'], { rule: 'U19', level: 'urgent' }],
    ['"drinking water like a fish" and weight "falling off" is thirst and weight loss, no cold leg and no fall (not E2)', ['my husband is drinking water like a fish, up all night weeing and the weight is falling off him, cramps in his calves'], { notRule: 'E2' }],
    ['"the young lad" is a child: thirsty, weeing a lot, losing weight, urgent (U21)', ['the young lad is always thirsty, up in the night weeing and the weight is falling off him, and cramps in his legs'], { rule: 'U21', level: 'urgent' }],
    ['Orkney "peedie" is little: a little girl limping with a temperature is urgent (U17)', ['peedie girl has been limping since this morning', 'and she has a temperature now'], { rule: 'U17', level: 'urgent' }],
    ['guard: "so hot in the cafe" is a hot room, not a warm leg', ['so hot in the cafe today, got cramp in my leg after, drank water and it went'], { notRule: 'U1', level: 'self_care' }],
    // Read in first-sight batches MY and MZ (on 1f1d713), in other words than theirs.
    ['a "tiny little cut" whose pain is way more than it looks, with shivers and feeling rough, is 999 (E8)', ['tiny little cut from the bin lid yesterday, now the pain is way more than the cut looks and I feel rough and shivery'], { rule: 'E8', level: 'emergency' }],
    ['guard: small cuts slow to heal, with cramps at night, are no fresh wound for the tetanus question (U6)', ['my small cuts take ages to heal lately and I get leg cramps at night'], { notRule: 'U6' }],
    ['a cut whose skin is going black, with pain he cannot bear and a fever, is 999 (E8)', ['my brother cut his leg on the mower, only small', 'the pain is so bad he cannot bear it, the skin around it is going black and he has a fever'], { rule: 'E8', level: 'emergency' }],
    ['"he is red hot" is a fever: with a stiff neck and the light hurting his eyes, 999', ['my son is 7, he is red hot, his neck is stiff and the light hurts his eyes'], { rule: 'E0', level: 'emergency' }],
    ['pins and needles in her fingers and "round her mouth" after her thyroid came out is urgent (U19)', ['my wife had her thyroid out on Friday, now pins and needles in her fingers and round her mouth'], { rule: 'U19', level: 'urgent' }],
    ['a child being sick who has "passed urine only once" with dry lips is urgent (U13)', ['my son is 5 and has been sick since yesterday, he has passed urine only once today and his lips are dry'], { rule: 'U13', level: 'urgent' }],
    // Read in first-sight batches NC and ND (on 31155fc), in other words than theirs.
    ['a feverish toddler who screams when her neck is moved and hides from the light is 999', ['my daughter is 3 and has a temperature', 'she screams when we move her neck and keeps hiding from the light'], { rule: 'E0', level: 'emergency' }],
    ['"a shake all over and nah respond" is a fit (999)', ['my lad had a bad cramp, now him a shake all over and nah respond'], { rule: 'E0', level: 'emergency' }],
    ['a child with a fever who "nah want walk pon it" is urgent (U17)', ['my granddaughter is 5, she has a fever and her knee hurts', 'now she nah want walk pon it'], { rule: 'U17', level: 'urgent' }],
    ['pee "a reddy brown colour" after a fall is urgent (U2b)', ['came off a ladder yesterday, legs bruised, peed this morning and it was a reddy brown colour'], { rule: 'U2b', level: 'urgent' }],
    // Stop 74: read in first-sight batches MA and MB (on 7415567), in other words than theirs.
    ['a tattoo gone red and angry, with shivering and a temperature, is 999 (E8)', ['had my thigh tattooed last week', 'it has gone red and angry and now I am shivering with a temperature'], { rule: 'E8', level: 'emergency' }],
    ['guard: asking whether to get a tattoo is no wound', ['is it safe to get a tattoo on my leg if I get cramps at night'], { notRule: 'U6' }],
    ['guard: an old tattoo is no wound (cramps after a wound are U6)', ['my tattoo is ten years old and I get calf cramps at night'], { notRule: 'U6' }],
    ['going into a fit is 999', ['my wife went into a fit after a bad cramp, she is still shaking'], { rule: 'E0', level: 'emergency' }],
    ['gout with a temperature and shivers is urgent (U10)', ['my gout has flared up in my ankle and I have a fever and the shivers'], { rule: 'U10', level: 'urgent' }],
    ['guard: asking whether gout gives a fever is no flare with a fever', ['does gout give you a fever'], { notRule: 'U10' }],
    ['"killing me man," speaks to someone: the gout after it is the writer\'s', ['ankle is killing me man, gout again', 'and I have got a fever now, shivering'], { rule: 'U10', level: 'urgent' }],
    ['guard: cramps all over after days of diarrhoea and being sick are dehydration (U13), not tetanus', ['sick and diarrhoea since Saturday, cramping all over now, barely weeing and dizzy when I stand'], { notRule: 'E4', level: 'urgent' }],
    ['a stiff neck with a bad headache and being sick is 999, no temperature named', ['my son is 12, he has a terrible headache, his neck is stiff and he has thrown up twice'], { rule: 'E0', level: 'emergency' }],
    ['guard: a stiff neck and a headache with no sickness is no meningitis', ['stiff neck and a headache from hunching over my desk, calves cramp at night too'], { notRule: 'E0' }],
    ['guard: "a cramp or a pulled muscle, so confused" is a puzzled writer, not sudden confusion', ['is this a cramp or a pulled muscle, so confused'], { notRule: 'E0' }],
    ['"mum is so confused this morning" is still sudden confusion (999)', ['mum is so confused this morning and her legs are weak'], { rule: 'E0', level: 'emergency' }],
    // Read in first-sight batches ME and MF (on 8da3c3a), in other words than theirs.
    ['a mouth that will not move on one side when smiling is a stroke (999)', ['my dad is 70, when he tries to smile the right side of his mouth will not move'], { rule: 'E0', level: 'emergency' }],
    ['a leg that cannot be lifted, "nor her right arm", is a stroke (999)', ['mum cannot lift her leg since this morning, nor her right arm'], { rule: 'E0', level: 'emergency' }],
    ['a calf locked for "a good twenty minutes" that no amount of rubbing helps is urgent (U7)', ['my calf has been locked for a good twenty minutes and no amount of rubbing is helping'], { rule: 'U7', level: 'urgent' }],
    ['pain from the back down the leg, the leg giving way, is urgent (U16)', ['the pain goes from my back down my leg and now my leg keeps giving way'], { rule: 'U16', level: 'urgent' }],
    ['a child with leg pain at night, temperatures and weight loss is urgent (U25); "looks pale" is the child, not the leg', ['my son is 6, his thigh hurts at night, he keeps getting temperatures, has lost weight and looks pale'], { rule: 'U25', level: 'urgent', notRule: 'E2' }],
    ['a sore "not getting any smaller" after weeks is one that will not heal (U9)', ['sore on my shin for a month now, not getting any smaller'], { rule: 'U9' }],
    // Read in first-sight batches MI and MJ (on f41c365), in other words than theirs.
    ['a knee gone huge and hot with a fever is urgent (U10)', ['my knee has gone huge and hot overnight and I feel feverish'], { rule: 'U10', level: 'urgent' }],
    ['guard: a leg ulcer that "has gone angry" is no pair of legs gone weak (not E6)', ["my nan's leg ulcer has gone angry and the red is spreading up her shin"], { notRule: 'E6', level: 'urgent' }],
    ['growing pains "with my son" are his: with bruises for no reason and fevers, urgent (U25)', ['bad growing pains at night with my son', 'he has been pale, bruising everywhere for no reason and fevers on and off'], { rule: 'U25', level: 'urgent' }],
    // Stop 73: read in first-sight batches LO and LP (on 4caeae8), in other words than theirs.
    ['a child stung, with a swollen face and a whistle when breathing, is 999', ['my girl is 6, a bee stung her ankle and now her face is puffing up and her chest is whistling when she breathes'], { rule: 'E0', level: 'emergency' }],
    ['"our Rosie-Lee" limping with a temperature is a child, urgent; "Rosie" is no rosy skin', ["our Rosie-Lee's limping since breakfast, she's 3", "and she's got a temperature now, 38.4, still eating"], { rule: 'U17', level: 'urgent' }],
    ['a small child who wants carrying, calves too sore to walk after flu, is a child, urgent', ['our Alfie had flu, now his calves hurt so much he only walks on his toes and wants carrying everywhere'], { rule: 'U17', level: 'urgent' }],
    ['guard: a husband who wants carrying up the stairs is no child', ['my husband wants carrying up the stairs, his legs are that weak lately'], { rule: 'G3', level: 'gp' }],
    ['a long lie on the floor, aching, with pee like cola, is urgent (U2b)', ['could not get up until the carer came next morning, my hips are aching summat awful and my pee is like cola'], { rule: 'U2b', level: 'urgent' }],
    ['guard: kneeling on the floor grouting for an hour is no long lie and no injury', ['knelt on the floor tiling for an hour and my foot went to pins and needles, back to normal in a minute, walking fine'], { level: 'self_care' }],
    ['sciatica shooting down the backs of both legs is A&E (E6)', ['pain shooting down the back of both my legs now, used to be just the left'], { rule: 'E6', level: 'emergency' }],
    ['guard: a big bruise on the thigh after a fall, with dark pee, is no swollen leg and no clot', ['fell off the stepladder onto my thigh, huge bruise', 'had a wee and its dark brown, thigh still sore'], { rule: 'U2b', level: 'urgent', notRule: 'E3' }],
    ['guard: "a wee and it is dark" is the wee, not a darkened leg', ['been for a wee and its dark like tea, my calf is still really sore'], { notRule: 'U1' }],
    ['guard: a calf still a bit sore the day after a cramp that has gone is S1, not claudication', ["had a cramp last night, it's gone but my calf is still a bit sore when I walk today, no swelling"], { rule: 'S1', level: 'self_care' }],
    ['guard: "how do I wind him" is no breathlessness', ['my newborn has gas cramps, how do I wind him properly'], { notRule: 'E1' }],
    // Read in first-sight batches LS and LT (on e6c0601), in other words than theirs.
    ['a toddler who will not put his leg down, crawling everywhere, with a temperature is urgent', ['my boy is 3, he will not put his right leg down today, crawling everywhere, temperature 38.5'], { rule: 'U17', level: 'urgent' }],
    ["a baby's soaking nappies, drinking more and weight lost are U21", ["our baby's nappies are soaked every feed, she is drinking a lot more and lost weight at the clinic"], { rule: 'U21', level: 'urgent' }],
    ['"little fella" limping and burning up is a child, urgent', ['little fella is limping since this morning, no fall', 'now he is burning up'], { rule: 'U17', level: 'urgent' }],
    ['a baby of 6 weeks with a temperature is urgent (U30)', ['my baby is 6 weeks old and has a temperature of 38.1, feeding a bit less'], { rule: 'U30', level: 'urgent' }],
    ['guard: 7 weeks pregnant with a temperature is no baby under 3 months', ['I am 7 weeks pregnant and have a temperature and sore calves'], { notRule: 'U30' }],
    ['"oor lassie is 6", limping with a temperature, is a child, urgent', ['oor lassie is 6, limping on her left leg and has a temperature'], { rule: 'U17', level: 'urgent' }],
    ['"mab is 12", limping with a temperature, is a child, urgent', ['mab is 12, limping since rugby and has a temperature now'], { rule: 'U17', level: 'urgent' }],
    ['a calf that seizes up on a walk, goes with a stop ("an it goes"), for months, is claudication (G4)', ['carrying my clubs round the course, after the 4th hole my right calf seizes up, stop for a minute or two an it goes, walk on an its back. like this since the spring'], { rule: 'G4', level: 'gp' }],
    ['a knock on the shin still open after a month is a sore that will not heal', ['banged my shin on the car door a month ago and it is still open, weeping a little'], { rule: 'U9' }],
    ['guard: jumping out of bed with a cramp is no twitching calf', ['cramp in me calf at 4am, jumped out the bed and it went after a minute'], { notRule: 'G3' }],
    ['guard: pregnancy cramps at night with "midwife checks all fine last week" are no pain all week', ["I'm 26 weeks, cramps in both calves at night", 'no swelling, midwife checks all fine last week'], { notRule: 'U5' }],
    // Read in first-sight batches LW and LX (on 3c2634b), in other words than theirs.
    ['a child with a stiff neck, who hates the light and cannot be kept awake, is 999 with no temperature named', ['my daughter is 7, her legs hurt, now her neck is stiff, the light hurts her eyes and I cannot keep her awake'], { rule: 'E0', level: 'emergency' }],
    ['cramps with tingling fingers since a gastric bypass are G7', ['ever since my gastric bypass I get cramps in my calves and my fingers tingle'], { rule: 'G7', level: 'gp' }],
    ['guard: food after a gastric bypass is no cramp with a condition', ['after my gastric bypass what foods should I avoid'], { notRule: 'G7' }],
    ['"Son" opening a message names a child: limping with a temperature is urgent', ['Son has been limping since yesterday, no fall, and now has a temperature of 38.5'], { rule: 'U17', level: 'urgent' }],
    ['"Antek 6 says" names a child of 6', ['Kuba 5 says his left leg hurts', 'he has had a temperature since last night and is limping'], { rule: 'U17', level: 'urgent' }],
    ['"Little Priya" names a child', ['Little Priya is limping this morning', 'and she has a temperature of 38.4'], { rule: 'U17', level: 'urgent' }],
    ['guard: "wasting my money" on tonic water is no muscle wasting', ['is tonic water any good for cramp or am I wasting my money'], { notRule: 'G3' }],
    ['guard: a nap "so I don\'t wake up groggy" is no one who cannot be woken', ['best nap length so i dont wake up groggy?'], { notRule: 'E0' }],
    // Stop 72: read in first-sight batches LG and LH (on efc5f96) and LK and LL (on 136dc17), in other words than theirs.
    ['a bone showing white through the skin after a fall is 999', ['fell off the ladder and there is something white sticking out of my shin, loads of blood'], { rule: 'E3', level: 'emergency' }],
    ['"my shin\'s bent" after a knock names one shin, bent', ["got kicked in the match and me shin's bent now, something white poking through"], { rule: 'E3', level: 'emergency' }],
    ['a baby with a fever and a bulging soft spot is 999', ['my baby is 4 months, burning up with a fever and the soft spot on his head is bulging'], { rule: 'E0', level: 'emergency' }],
    ['a baby with a fever and a high-pitched cry is 999', ['my 7 week old has a temperature of 38.4 and keeps making a high pitched cry, legs stiff'], { rule: 'E0', level: 'emergency' }],
    ['a child with sore calves after flu and wee darker than usual is urgent', ['my daughter is 8, had flu, now her calves are so sore she walks funny and her wee is darker than usual'], { rule: 'U2b', level: 'urgent' }],
    ['a tummy bug for days, then weak cramping legs and a fluttering heart, is urgent, not a clot', ['tummy bug for days now, my legs are cramping and weak and my heart keeps fluttering'], { rule: 'U13', level: 'urgent', notRule: 'E1' }],
    ['guard: hot yoga, dizzy with a racing heart and cramps, back to normal after water, is no U13', ['hot yoga tonight, felt dizzy, heart racing, calves cramping, drank water and a sports drink and felt normal again in 15 minutes'], { notRule: 'U13' }],
    ['a calf that cramps walking to the club and goes after a stop is claudication (G4)', ['every time I walk down to the club my calf cramps after about 300 yards, stop a minute an it goes, then it comes back'], { rule: 'G4', level: 'gp' }],
    ['shins and calves tight on every run, easing after stopping, is G9', ['my calves and shins go tight on every run lately', 'eases 10 min aft stop, been going on for two months'], { rule: 'G9', level: 'gp' }],
    ['cramps while seen at the kidney clinic are G7', ["I'm under the kidney clinic, stage 3", 'getting cramps in my legs in the evenings lately'], { rule: 'G7', level: 'gp' }],
    ['itchy flaky skin around the veins is G11', ['the skin around the veins on my lower leg is itchy and flaky and has gone brown'], { rule: 'G11' }],
    ['guard: varicose veins aching with both feet puffy by the evening is no clot', ['varicose veins throbbing after my shift and feet a bit puffy, no redness'], { rule: 'G11', notRule: 'U1' }],
    ['muddled and cramping since the water tablets went up is urgent (U15)', ['dad has been confused and his legs keep cramping since the doctor increased his furosemide'], { rule: 'U15', level: 'urgent' }],
    ['guard: skin gone a brownish colour is no dark pee', ['my calf aches and the skin on my shin has gone a brownish colour'], { notRule: 'U2b' }],
    ['a scratch on a diabetic\'s leg with pain out of keeping, dusky skin, a temperature and drowsiness is 999', ["wife's diabetic, scratched her leg in the garden at the weekend, pain's way out of keeping for a scratch, skin's gone dusky, she's got a temperature and she's awful drowsy"], { rule: 'E8', level: 'emergency' }],
    ['"Wee Isla" limping with a temperature is a child, urgent', ["Wee Isla's been limping all day", "she's got a temperature and won't eat"], { rule: 'U17', level: 'urgent' }],
    ['guard: "a wee Irn Bru" names no child', ['had a wee Irn Bru before bed and my calves cramp most nights now'], { rule: 'G1', level: 'gp' }],
    ['"bach is 3", limping with a temperature, is a child, urgent', ['bach is 3 and limping on her right leg, bit of a temp, no fall that I saw'], { rule: 'U17', level: 'urgent' }],
    ['guard: walking pain getting worse over the winter is claudication to see a GP about, not urgent', ['ache in my calf walking up to the allotment, goes off if I stand for a minute, been getting worse over the winter'], { rule: 'G4', notRule: 'U9' }],
    ['guard: "on my feet twelve hours" is a shift, not a cramp that lasted hours', ['on my feet twelve hours at the warehouse, sometimes my feet cramp in the evening, goes off after a bit'], { notRule: 'G1' }],
    ['guard: skin gone brown and a bit hard above varicose veins is no clot', ['the skin above my varicose veins has gone brown and a bit hard, itches at night'], { rule: 'G11', notRule: 'U1' }],
    // Stop 71: read in first-sight batches KY and KZ (on fd18e27) and LC and LD (on e301ba1), in other words than theirs.
    ['a toddler off a trampoline with a leg bent at a funny angle is 999', ['Toddler came off the trampoline and her leg is bent at a funny angle, she will not stop screaming'], { rule: 'E3', level: 'emergency' }],
    ['a toddler limping, a bit hot, who does not want to walk, is urgent', ['toddler has been limping since lunch', 'she feels hot and does not want to walk'], { rule: 'U17', level: 'urgent' }],
    ['a child with leg pains, bruises nobody can explain and paleness is urgent', ['my son keeps saying his legs ache, he has bruises we cannot explain and he is so pale'], { rule: 'U25', level: 'urgent' }],
    ['a child sick with a bug, cramping and doing fewer wees, is urgent', ['my 4 year old has been sick all day with a bug, now cramps in her legs and fewer wees than usual'], { rule: 'U13', level: 'urgent' }],
    ['tingling lips and fingers after a parathyroid operation are U19', ['parathyroid op last week, now my lips and fingers are tingling and my calves cramp'], { rule: 'U19', level: 'urgent' }],
    ['guard: a diabetic foot sore the writer "didn\'t feel happen" is no loss of bladder control', ["I'm diabetic, found a blister on my heel, the skin round it is red, I didn't even feel it happen"], { notRule: 'E6' }],
    ['a foot that slaps down when walking is G3', ['the right foot has gone numb and keeps slapping down when I walk'], { rule: 'G3', level: 'gp' }],
    ['guard: a swollen, red, hot calf that hurts to walk on, breathing fine and no chest pain, is no clot in the lungs', ['left calf swollen, red and hot since Saturday, hurts to walk on, breathing is fine no chest pain'], { rule: 'U1', notRule: 'E1' }],
    ['a baby with a hot red swollen leg, blotchy, who can hardly be woken, is 999', ['my baby is 10 weeks, his leg went red hot and swollen, his skin is blotchy and I can barely wake him'], { rule: 'E8', level: 'emergency' }],
    ['legs pinned under a tractor for hours, swelling up, with dark brown pee, is 999', ['a trailer pinned my legs for three hours before anyone came, now both legs are swelling up and my pee is dark brown'], { rule: 'E3', level: 'emergency' }],
    ['guard: thighs swollen and agony with dark pee after a squat challenge stays urgent (U2b)', ['did a squat challenge on Sunday, thighs swollen and in agony, and my pee is dark brown'], { rule: 'U2b', level: 'urgent' }],
    ['a teenager named by age at the start, with thighs swollen, agony and dark pee after sport, is urgent', ['14 year old did a cross country race, now both thighs are swollen, he is in agony and his wee is dark brown'], { rule: 'U2b', level: 'urgent' }],
    ['an old woman struggling to find her words with a hand that will not grip is a stroke', ['my nan had a cramp in her calf earlier', 'now she is struggling to find her words and her left hand will not grip anything'], { rule: 'E0', level: 'emergency' }],
    ['a child with a "tempreture" and a limp is urgent', ['my girl is 5, she has been limping all day and has a tempreture'], { rule: 'U17', level: 'urgent' }],
    ['a child with a temperature crying with pain in the legs is urgent', ['my son is 6, temperature of 38.8 and crying with pain in his legs'], { rule: 'U17', level: 'urgent' }],
    ['sciatica with a foot that cannot stand on its toes is urgent', ['sciatica down my left leg for a fortnight and now I cannot stand on my toes on that foot'], { rule: 'U16', level: 'urgent' }],
    ['a child really thirsty, weeing loads, losing weight, with leg cramps, is urgent', ['my daughter is 9, leg cramps, really thirsty, weeing loads and she has lost weight'], { rule: 'U21', level: 'urgent' }],
    ['"I\'m type 2" with frequent cramps is diabetes (G7)', ["I'm type 2 and my calves cramp most nights lately"], { rule: 'G7', level: 'gp' }],
    ['guard: toes white in the cold and red when warmed, with cramps for years, is no clot', ['had cramps in my legs for years and my toes go white in the cold then red when they warm up'], { notRule: 'U1' }],
    // Stop 70: read in first-sight batches KU and KV (on 5efb01c), in other words than theirs.
    ['hands locked in spasm with tingling lips after a thyroid operation is 999', ['my thyroid was removed on Tuesday and tonight my lips are buzzing and my hands have locked up like claws'], { rule: 'E0', level: 'emergency' }],
    ['guard: tingling lips and cramps after a neck operation, no spasm, is the low calcium of U19, not an allergy', ['neck operation for my thyroid last week, now my lips tingle and I keep getting cramps in my legs'], { rule: 'U19', level: 'urgent' }],
    ['tingling lips and tongue with no operation are still read as an allergy', ['ate a prawn sandwich and now my lips tingling and my tongue tingling'], { rule: 'E0', level: 'emergency' }],
    ['a face that "looks squint" with a leg that gave out is a stroke', ['my right leg just gave out and my husband says my face looks squint'], { rule: 'E0', level: 'emergency' }],
    ['a nick whose pain is "way more than a little cut", going dark, with a high temperature, is 999', ['nicked my shin with a chisel two days ago, the pain is way more than a little cut, the skin is going dark and I have a high temperature'], { rule: 'E8', level: 'emergency' }],
    ['an infected foot in someone "difficult to wake" is 999', ['my grandad has an infected foot, red up to his ankle, a fever, and he is really difficult to wake'], { rule: 'E8', level: 'emergency' }],
    ['a child with bruises nobody can explain who looks pale is urgent', ['my son is 6, he has bruises all over that we cannot explain and he looks pale all the time'], { rule: 'U25', level: 'urgent' }],
    ['guard: a child "so pale and tired" with aching legs is no leg gone pale', ['my daughter is 7, she is so pale and tired lately and her legs ache at night'], { notRule: 'E2' }],
    ['guard: blue veins on the calves are no leg turning blue', ['I have blue veins all over my calves since my pregnancy and they ache by the evening'], { notRule: 'E2' }],
    ['veins "like worms" on the legs are varicose veins', ['the veins on the back of my legs look like worms and ache by the evening'], { rule: 'G11', level: 'gp' }],
    ['guard: a cramp that went in a minute, jabs all had, is no tetanus', ['cut my hand at work last month, had all me jabs, and today a calf cramp that went in a minute'], { notRule: 'U6' }],
    ['guard: statins called "the pills" are no contraceptive pill', ['on statins two years, aching thighs lately, is it the pills'], { notRule: 'U1' }],
    ['a soft lump round the back of "me" knee is a Baker\'s cyst', ['soft lump round the back of me right knee, big as an egg, aches when I kneel'], { rule: 'G11', level: 'gp' }],
    ['a red ring spreading from a tick bite, no temperature, is G16, not a spreading infection', ['pulled a tick off my calf last week and now a red ring like a target is spreading out around the spot'], { rule: 'G16', notRule: 'U10' }],
    ['guard: a twisted ankle a bit swollen that the writer can walk on is no clot', ['twisted my ankle stepping off the bus, it is a bit swollen but I can walk on it fine'], { notRule: 'U1' }],
    ['sciatica named without the back, and a foot that slaps the floor, is urgent', ['sciatic pain down my left leg for a month and now my foot slaps the floor when I walk'], { rule: 'U16', level: 'urgent' }],
    ['ankles swelling all week and breathless lying flat is urgent (heart failure)', ['my ankles have been swelling up all week and I cannot lie flat in bed any more, I sleep propped up on pillows'], { rule: 'U29', level: 'urgent' }],
    ['a puffy face and a noise when breathing after a sting is 999', ['my boy got stung on the leg and now his face is all puffy and he makes a noise when he breathes'], { rule: 'E0', level: 'emergency' }],
    // Stop 69: read in first-sight batches KQ and KR (on 6e977cc), in other words than theirs.
    ['cola pee with "not much comes out" and aching thighs after a hot shift is 999', ['long hot shift in the bakery, both thighs ache like I trained hard', 'and my wee is dark like coke and not much comes out'], { rule: 'E0', level: 'emergency' }],
    ['a scratch whose pain is "way more than a little scratch should" give, going purple, with a fever, is 999', ['caught my ankle on a bramble three days ago, now the pain is way more than a little scratch should give, the skin is going purple and I have a fever'], { rule: 'E8', level: 'emergency' }],
    ['a garden fork through a welly, tetanus jab not known, is a wound for tetanus', ['digging the veg patch and the fork went through my welly into my foot, no idea when I last had a tetanus jab'], { rule: 'U6' }],
    ['a child named with an age after the name ("Efa\'s 7") who will not put weight on a leg is urgent', ["Efa's 7, woke up limping and won't put weight on her left leg, temp 38.2"], { rule: 'U17' }],
    ['a child named with an age in brackets is the one limping in the next message', ['Efa (7) gets leg pains at night', 'now she is limping and has a temperature'], { rule: 'U17' }],
    ['"our Kai\'s 3" is a child', ["our Kai's 3, limping since yesterday and a temp of 38.5"], { rule: 'U17' }],
    ['guard: "Sorry, 30 weeks pregnant" names no child', ['Sorry, 30 weeks pregnant and my left calf is swollen and hot'], { rule: 'U5' }],
    ['guard: "Dave is 3 days post op" is no child', ['Dave is 3 days post op and his calf is swollen and sore'], { rule: 'U1' }],
    ['a grown-up who cannot put weight on a leg, with a temperature, is urgent', ['woke up limping, cannot put any weight on my right leg, hurts to move my hip, temperature 38.4, no fall'], { rule: 'U27', level: 'urgent' }],
    ['itchy palms and soles at night in pregnancy are urgent', ['35 weeks, leg cramps and my palms and soles itch like mad at night, no rash'], { rule: 'U28', level: 'urgent' }],
    ['guard: an itchy stretching belly in pregnancy is no U28', ['32 weeks pregnant, itchy stretch marks on my belly and calf cramps at night'], { notRule: 'U28' }],
    ['guard: nettle stings, white bumps and tingling, are no pale or numb leg', ['fell in a patch of nettles, my legs are covered in white bumps, burning and tingling, breathing fine'], { level: 'self_care' }],
    ['guard: a leg gone dead from sleeping on it, back to normal, is no blocked artery', ['fell asleep on the sofa with my leg under me, woke and it was dead with pins and needles for a few minutes, totally back to normal now'], { notRule: 'E2' }],
    ['guard: "since the weather turned cold" is no leg turned cold', ['I keep getting cramp in my calves since the weather turned cold, no swelling'], { notRule: 'E2' }],
    ['guard: a boy who "screamed and went down" with a cramp at football, and played on, did not collapse', ['my son is 10, got cramp in his calf at football, screamed and went down, coach stretched it and he played on'], { notRule: 'E0' }],
    ['guard: a friend who "collapsed last week" is not collapsing now', ['my friend collapsed last week with sepsis so I am worried, I have a clean little scratch on my shin, not red'], { notRule: 'E0' }],
    ['guard: both ankles puffy after a twelve-hour shift standing, gone by the morning, is no G2', ['after a twelve hour shift stood at the till my ankles puff up, both the same, gone by the morning, no pain'], { notRule: 'G2' }],
    ['guard: both ankles swelling every evening for months stays G2', ['both my ankles swell every evening for months now, down by the morning, no pain'], { rule: 'G2' }],
    ['guard: restless, twitchy legs only after energy drinks are no G6', ['my legs get restless and twitchy at night after too many energy drinks, otherwise I sleep fine'], { notRule: 'G6' }],
    ['guard: a calf twitching for two days after loads of coffee, no weakness, is no G3', ['my calf has been twitching for two days after loads of coffee, no weakness'], { notRule: 'G3' }],
    ['guard: the front of a knee swollen from kneeling is no swollen leg', ['the front of my knee has swollen up like a little balloon after kneeling all week laying floors, not red or hot'], { notRule: 'U1' }],
    ['a soft lump at the back of the knee is a Baker\'s cyst', ['back of my knee has got a soft lump, a bit tight when I squat'], { rule: 'G11' }],
    ['guard: a tick pulled off with no rash and feeling fine is no G16', ['found a tick on my leg after a walk and pulled it off, no rash, feel fine'], { notRule: 'G16' }],
    ['months of cramps in both legs and getting out of puff on hills, heavy periods, is a GP visit, not 999', ['cramps in both legs for months, heavy periods, and lately I get out of puff going up hills where I never used to'], { notRule: 'E1' }],
    ['sciatica "not getting beter" is not getting better', ['sciatica down my leg for two months, not getting beter with stretches'], { rule: 'G13' }],
    ['pain shooting down the leg for weeks, not getting better, is G13 with the back not named', ['pain shooting down the back of my leg for three weeks and not getting any better'], { rule: 'G13' }],
    // Stop 68: read in first-sight batches KM and KN (on b84ae1b), in other words than theirs.
    ['a sudden headache "like being hit with a hammer" is 999', ['calves cramping all week', 'then out of nowhere a headache like being hit with a hammer, I threw up'], { rule: 'E0', level: 'emergency' }],
    ['guard: the worst headache of her life in pregnancy, not said to be sudden, stays U4', ['31 weeks pregnant with the worst headache of my life and sparkly vision'], { rule: 'U4', level: 'urgent' }],
    ['a chest "like someone is standing on it" is chest pain', ['my chest feels like someone is standing on it and it goes into my jaw'], { rule: 'E0' }],
    ['guard: a chest infection "sitting on it" for a week is no chest pain', ['had a chest infection for a week and been sitting on it, now calf cramps'], { notRule: 'E0' }],
    ['a toddler "not even crying" after days of diarrhoea is confused, not just dehydrated: 999', ['my boy is 2, diarrhoea since friday, dry nappies, he is not even crying any more'], { level: 'emergency' }],
    ['"is 20 months" is a toddler', ['our Jack is 20 months and has had the runs since sunday, hardly a wet nappy'], { rule: 'U13' }],
    ['guard: "she is 7 months pregnant" is no child', ['my wife is 7 months pregnant and her calf is swollen and hot'], { rule: 'U1' }],
    ['a fever with a boy who will not bend his neck is meningitis signs', ['my son is 6, temp of 39.5, will not bend his neck and cries when the light goes on'], { rule: 'E0' }],
    ['a toddler nipped on the leg by a dog, teeth through the skin, is a bite to see today', ['my daughter is 3, nipped on the leg by the neighbours dog, teeth went through, little holes'], { rule: 'U6' }],
    ['guard: bitten on the leg by a mosquito is no animal bite', ['bitten on the leg by a mosquito, scratched it and it is bleeding a bit'], { notRule: 'U6' }],
    // Found talking to the bot before landing: a child named without an age the layer reads ("our Kai is 3").
    ['a temperature for six days in a child named with an age after the name is urgent', ['our Alfie is 3, he has had achy legs and a temp for 6 days now, his lips are cracked'], { rule: 'U26', level: 'urgent' }],
    ['"our Amelia has" names someone else, not the writer', ['our Amelia has achy legs at night, is it growing pains at 4?', 'forgot to say, she has had a temperature for 6 days now and her lips are cracked'], { rule: 'U26', level: 'urgent' }],
    ['a man of 80 who fell at home, leg shorter and foot turned out, is 999', ['dad fell in the garden, says it is just cramp in his hip but he cannot stand and the leg looks shorter than the other'], { rule: 'E3' }],
    ['pain between the shoulder blades with both legs going weak, after cancer, is the spine', ['had bowel cancer two years ago, pain between my shoulder blades for weeks and today both legs are weak and wobbly'], { rule: 'E6' }],
    ['cola pee with thighs puffy and hard the day after a first spin class is 999', ['first spin class yesterday, today my thighs are puffy and hard and my pee is the colour of cola'], { rule: 'E3' }],
    ['a boy of 7 refusing to put his foot down, with 38.5, is urgent', ['my son is 7 and refuses to put his foot down this morning, temperature of 38.5'], { rule: 'U17' }],
    ['a girl of 12 limping, her foot turning out when she walks, is urgent', ['my daughter is 12, limping for a week with knee pain and her foot turns out when she walks'], { rule: 'U17' }],
    ['a leg gone numb on a low stool, fine after a walk, is no emergency', ['leg went dead sitting on a stool weeding, pins and needles, fine after a walk round the garden'], { level: 'self_care' }],
    ['numb legs from sitting cross-legged that gave way, fine in a minute, are no compartment syndrome', ['sat cross legged reading for ages, legs numb, wobbled and fell over when I got up, all fine after a minute'], { notRule: 'E3' }],
    ['a boyfriend who "thought I was having a seizure" during a cramp saw a cramp', ['huge calf cramp last night and my boyfriend thought I was having a seizure, gone in a minute'], { level: 'self_care' }],
    ['"worried it is a circulation thing" is a fear, not a known circulation problem', ['both my feet look blue, worried it is a circulation thing', 'oh it is the dye from my new socks, it washes off, feet feel fine'], { notRule: 'U9' }],
    ['both feet hot and both calves aching after a shift, both the same and no swelling, is no clot', ['after my shift my calves ache and my feet are hot, both legs the same, no swelling or redness'], { notRule: 'U1' }],
    ['guard: one calf hot and aching is still U1', ['after my shift my left calf aches and feels hot'], { rule: 'U1' }],
    ['sweating under waterproofs is no fever', ['long day on the boat sweating under the waterproofs, calves cramping now'], { notRule: 'G12' }],
    ['a calf still tender 10 hours after a bad night cramp is the soreness, not a cramp going on', ['bad cramp at 4am and now 10 hours later the calf is still tender, looks the same as the other'], { notRule: 'U7' }],
    ['guard: a cramp still going and sore after a quarter of an hour is U7', ['cramp in my calf for a quarter hour now, stretched, still sore'], { rule: 'U7' }],
    ['ankles puffy every evening in the heatwave, normal by morning, are no GP visit', ['hot weather, both ankles swell by the evening, back to normal in the morning'], { notRule: 'G2' }],
    ['spending all afternoon kneeling is no cramp lasting all afternoon', ['spent all afternoon kneeling on the patio and now both calves cramp and ache'], { notRule: 'U7' }],
    ['a toenail gone black after a race is no toe gone black', ['toenail on my big toe has gone black after the marathon, a bit sore, no pus'], { notRule: 'U9' }],
    ['"come over woozy getting out of my chair" and one dark wee is dehydration', ['hot week, not drinking much, legs cramping, I come over woozy getting out of my chair and have only spent a penny once today'], { rule: 'U13' }],
    ['shin splints are no injury for compartment syndrome', ['my shins burn and my feet tingle ten minutes into every run, it goes when I walk, shin splints?'], { notRule: 'E3' }],
    ['"a bruise come up, big purple thing, I banged it on the table" is a knock', ['bruise on my shin, big purple thing, I banged it on the bed frame, bit sore'], { notRule: 'U1' }],
    // Stop 67: the open problems of stop 66.
    ['dark yellow pee with cramps after the gym is the NHS sign of being dehydrated, not muscle breakdown', ['cramps in my calves after the gym and my pee is dark yellow, I probably need to drink more'], { level: 'self_care' }],
    ['guard: pee that went dark yellow and then brown like cola, thighs aching after spin, is still U2b', ['did spin yesterday, thighs aching, my pee went dark yellow and then brown like cola'], { rule: 'U2b' }],
    ['guard: a jaw that locks up from clenching at night, the dentist said, is no lockjaw', ['my jaw locks up from clenching at night, dentist said I need a guard'], { notRule: 'E4' }],
    ['guard: thicker bar tape for hands that cramp on the bike is no swollen leg', ['hands cramp on the handlebars on long rides, is thicker bar tape worth it'], { notRule: 'U1' }],
    ['two days of whatever is drunk coming back up, with very little wee, is dehydration: urgent', ['for two days whatever I drink comes back up, very little wee today and my calves keep cramping'], { rule: 'U13' }],
    // Found talking to the bot in stop 64: a child's bedwetting with thirst and weight loss is diabetes, not the spine.
    ['a thirsty child wetting the bed again and losing weight, with cramps, is urgent, not the spine', ['my son is 11, always thirsty, wetting the bed again and losing weight, legs cramp at night'], { rule: 'U21', notRule: 'E6' }],
    ['guard: wetting the bed again with back pain and numb legs is still the spine', ['lost weight, always thirsty, started wetting the bed again, my back is killing me and both legs are numb'], { rule: 'E6' }],
    ['guard: bedwetting with a numb leg and weight loss, no thirst, is still the spine', ['I have started wetting the bed and my leg is numb, and I have lost weight'], { rule: 'E6' }],
    ['puffing hard after a sprint is out of breath, not a swollen leg', ['sprinted for the train and was puffing hard, cramp in my calf, fine two minutes later, leg not swollen'], { notRule: 'U1' }],
    ['"maybe I have a clot" is a fear, not a clot before', ['so worried maybe I have a clot, my calves feel tight after a long shift standing, no swelling, no chest pain'], { notRule: 'U1' }],
    ['a clear scan at the DVT clinic is no clot before', ['went to the dvt clinic last week with a sore calf, the scan was clear, they said a strain, getting better'], { notRule: 'U1' }],
    ['a bruise going purple and yellow after walking into the table is no red leg', ['walked into the coffee table, bruise on my shin going purple and yellow, a bit tender, fading now'], { notRule: 'U1' }],
    ['ankles puffy after a flight that have mostly gone down are no GP visit', ['long flight yesterday, ankles a bit puffy when we landed, mostly gone down this morning, no pain'], { notRule: 'G2' }],
    ['"I am sobbing" is crying, not short of breath', ['34 weeks pregnant, worst cramp ever in my calf, I am sobbing, my partner is stretching my toes'], { notRule: 'E1' }],
    ['five coffees a day are no urine like coffee', ['drinking like five coffees a day and my calves twitch and cramp'], { notRule: 'U2b' }],
    ['feet numb in the sea, "bit scary", pink again once warm, are no numb saddle', ['swam in the sea, feet went white and numb, bit scary, warmed up and pink again in half an hour'], { level: 'self_care' }],
    ['a foot floppy and numb from kneeling, normal a minute later, is no blocked artery', ['was kneeling for ages and when I got up my foot was floppy and numb', 'all back after a minute walking, normal feeling, can wiggle my toes'], { notRule: 'E2' }],
    ['spots that go pale under a glass are a rash that fades', ['small red spots on my chest after the pool, did the glass test and they go pale completely, no temperature'], { level: 'self_care' }],
    ['red and purple thread veins are no hard or red veins', ['little red and purple thread veins on my thighs, no pain, the odd calf cramp'], { notRule: 'U1' }],
    ['"very tight very pain" is a cramp described, not "very very pain"', ['last night my calf suddenly very tight very pain, maybe 1 minute, I massage, then ok'], { notRule: 'E7' }],
    // Read in stop 62 from batches JI and JJ (first sight on 74a7171), in other words.
    ['"one side of mouth not move" and "cannot see on left side", after a leg that cannot be lifted, are stroke signs', ['mum cannot lift her right leg since dinner', 'I ask her to smile, one side of mouth not move, she cannot see on left side'], { rule: 'E0' }],
    ['urine like cola and "go toilet only one time" is dark urine with little of it: 999', ['after 300 squats my thighs are swollen, urine dark brown like cola and I go toilet only one time today'], { level: 'emergency' }],
    ['pins and needles "in my fingertips and around my mouth" after parathyroid surgery is U19', ['parathyroid surgery four days ago, pins and needles in my fingertips and around my mouth, calves cramping'], { rule: 'U19' }],
    ['"everything cool" after a sprint is all fine, not a cold leg', ['I chase the bus very fast, breathing hard hard and my calf catch cramp. But after 5 minute everything cool, breath normal'], { level: 'self_care' }],
    ['guard: spots that do not go pale under a glass are still 999', ['small red spots on my chest, did the glass test and they do not fade, I have a temperature'], { level: 'emergency' }],
    // Stop 62, from the review of stop 61: a medicine a negation excepts is taken (it had been read as denied).
    ['no medicines "other than lipitor" is a statin taken', ['I take no medicines other than lipitor, and my legs ache'], { rule: 'U2' }],
    ['guard: no medicine "except my simvastatin" is a statin taken', ['I do not take any medicine except my simvastatin, my legs ache'], { rule: 'U2' }],
    ['a leg dead from lying on it, normal in minutes, is no blocked artery', ['woke up this morning and could not move me leg at all, like it was not mine. I had been lying on it funny on the sofa. within a couple of minutes it came back with pins and needles and now it is completely normal'], { notRule: 'E2' }],
    ['guard: a pain "which went down to my foot" is no cramp that went', ['a graze on my shin from the garden, now cramps in my calf and a pain which went down to my foot'], { rule: 'U6' }],
    ['guard: a rash that does not go white when pressed is still 999', ['feverish and a rash on my legs that does not go white when I press a glass on it'], { level: 'emergency' }],
    ['a pain that "went down to my foot" is no collapse', ['a graze on my shin from the garden, now cramps in my calf and a pain which went down to my foot'], { notRule: 'E1' }],
    // First-sight batch IU (2026-12-05), in other words: a drink coming out of one side of the mouth.
    ['a drink dribbling out of one side of the mouth is a face that dropped', ['tea keeps dribbling out of one side of his mouth since this afternoon'], { rule: 'E0' }],
    // The rest of IU and batch IX (stop 59), in other words: what a carer does to the person is theirs, a crushed leg, a
    // rash still seen through a glass, a neck that hurts to bend, a foot gone white today after years of walking pain,
    // cola pee and hardly any, a hot swollen joint with a fever, both legs weaker by the hour, shin splints and a heel
    // tendon not getting better, gout that keeps coming back; and what is not a red flag.
    ['"when I wash her", "can I rub it" are a carer\'s hands, so the swollen warm calf is hers', ['mum is in bed since her hip op, when I wash her I see her right leg is bigger and warm, she says pain when I touch the calf, can I massage it for the cramp?'], { level: 'urgent' }],
    ['a quad bike tipped on me with the leg pinned, then a rock hard calf, is a crush injury', ['the quad tipped on me and had my lower leg pinned for ages, now the calf is rock hard and tight'], { rule: 'E3' }],
    ['spots still seen through a pressed glass are a rash that does not fade', ['fever of 39 and small dark red spots on his belly, I pushed a drinking glass on them and still can see them'], { rule: 'E0' }],
    ['a fever and crying when the head is moved forward is a stiff neck', ['she has a fever of 39.4 and cries when I move her head forward'], { rule: 'E0' }],
    ['a foot gone white and numb this afternoon, after years of walking pain, is a change today', ['walking pain in my calf for years but this afternoon my foot went white and cold and I cannot feel my toes'], { rule: 'E2' }],
    ['pee like cola and hardly any passed today is dark urine with little of it', ['huge leg session saturday, now my thighs are swollen, my pee is like cola and I have hardly passed any today'], { rule: 'E0' }],
    ['a joint swollen, red and hot overnight with a fever and the shivers is an infection to check today', ['my ankle swelled up overnight, red and hot, and I have a temperature of 38.5 with the shivers'], { rule: 'U10' }],
    ['both legs getting weaker and number by the hour is weakness getting worse', ['since this morning both my legs are getting weaker and more numb by the hour'], { rule: 'E6' }],
    ['a heel tendon still the same after weeks of rest is a GP visit', ['achilles tendonitis for 2 months, rested and stretched for weeks but it is still the same'], { rule: 'G14' }],
    ['shin splints for weeks that still ache are a GP visit', ['had shin splints in both legs for 5 weeks, took time off running and they still ache'], { rule: 'G14' }],
    // Stop 60 (fiq-u09 of IQ, fix-u22 of IX): tingling round the mouth after the thyroid was removed is a low calcium sign.
    ['tingling round the lips and cramps days after the thyroid was removed is urgent', ['five days ago they took my thyroid out, now tingling round my lips and my calves cramp a lot'], { rule: 'U19', level: 'urgent' }],
    // First-sight batch IY (2026-12-05), in other words.
    ['an arm that keeps dropping, a face that has slipped and words mashed up are stroke signs', ["my husband's left arm keeps dropping off the table and his face has slipped a bit, his words come out mashed up"], { rule: 'E0' }],
    ['diarrhoea and being sick for days, then confused when woken, is dehydration for 999', ['my mum has had diarrhoea and vomiting since Sunday and today she is confused when I wake her'], { level: 'emergency' }],
    ['pee "the color of coke" after a hard workout is dark pee', ['after my first crossfit comp my thighs are swollen and hard, my pee is literally the color of coke'], { rule: 'U2b' }],
    ['"when I stand I feel dizzy" after being sick all day is dehydration', ['sick all day with a tummy bug, when I stand I feel dizzy'], { rule: 'U13' }],
    ['a baby bringing her milk back up with few wet nappies is dehydration', ['my baby is 10 months, bringing her milk back up all day, only one wet nappy since this morning'], { rule: 'U13' }],
    ['big wiggly veins that throb at night are varicose veins', ['the big wiggly veins on the back of my legs throb in the evening and I get cramps at night'], { rule: 'G11' }],
    ['a stiff Achilles for weeks with no change after rest is a heel tendon not getting better', ['my right achilles has been stiff and sore for five weeks, rested it for two weeks with no change'], { rule: 'G14' }],
    ['"is this a clot??" asks; it is no clot before', ['my calf is KILLING me, woke up this morning and it was rock hard, is this a clot??', 'ok it lasted like a minute, I pulled my toes up and it let go, now a dull ache, not swollen, not red'], { notRule: 'U1' }],
    ['"that puffed" after a sprint is out of breath, not swollen', ['gasping on the last sprint and my calf cramped, got my breath back in a minute, should I worry about being that puffed?'], { level: 'self_care' }],
    ['feet white and cramping from a dook that went pink in twenty minutes are a cold that passed', ['went for a dook off the pier without my neoprene socks, came out with my feet white, numb and cramping, sat in the car with the heater and after twenty minutes they went pink, now they are completely normal and warm'], { level: 'self_care' }],
    ['a foot numb in new steel toecaps that is normal again when the laces are loosened is pressure', ['new steel toecaps at work, my foot goes numb and tingly and my calf cramps, I loosen the laces and ten minutes later it is back to normal'], { level: 'self_care' }],
    // First-sight batch IZ (2026-12-05), in other words.
    ['a whole side gone weak, arm and leg, all of a sudden is a stroke sign', ['my whole left side has gone weak, arm and leg, came on all of a sudden half an hour ago'], { rule: 'E0' }],
    ['lips that feel fizzy after the thyroid came out are tingling round the mouth', ['had my thyroid out on Tuesday', 'tonight my lips feel fizzy and my fingertips keep tingling, hands a bit crampy'], { rule: 'U19' }],
    ['veins gone bulgy that ache are varicose veins', ['the veins behind my knees have gone bulgy and my legs ache and throb after work'], { rule: 'G11' }],
    ['bouts of gout with "stop em coming back" is gout that keeps coming back', ['third bout of gout in my big toe this year, is there anything to stop em coming back'], { rule: 'G15' }],
    ['a leg dead from sitting on the loo, all back in five minutes, is pressure that has passed', ['sat on the loo scrolling for 40 mins, stood up and my leg was dead, nearly went over, then pins and needles and a cramp, 5 mins later totally fine, feeling all back'], { level: 'self_care' }],
    ['the thyroid out years ago and night cramps, no tingling, is no low calcium sign', ['my thyroid was removed years ago, no tingling around my mouth, I just get calf cramps at night'], { notRule: 'U19' }],
    ['gout for years and a cramp that came back is no gout coming back', ['had gout for years, all controlled, and my calf cramp came back last night'], { notRule: 'G15' }],
    ['"my leg got all pins and needles" is no leg pinned under something', ['sat on my foot for an hour, my leg got all pins and needles and I could not feel it, then fine after a minute'], { notRule: 'E3' }],
    ['"nearly fell over" is no fall', ['sat cross-legged for twenty minutes, stood up and my leg was dead, could not feel it, nearly fell over, pins and needles then totally back to normal'], { notRule: 'E3' }],
    ['a dead leg from kneeling that "came back fully" is pressure on a nerve that has passed', ['knelt in the garden for an hour, my leg was dead and tingly when I got up, after a minute walking it came back fully, now it is normal'], { level: 'self_care' }],
    ['feet white and numb from a cold swim that went pink in the warm are a cold that has passed', ['the sea was 9 degrees on my swim and my feet went white and numb, warmed up in the car and they went pink, all normal now'], { notRule: 'E2' }],
    ['toes gone white from a winter surf and pink again within 15 minutes are no blocked artery', ['my toes went white and numb surfing this morning, warmed them in the van and within 15 minutes they went pink, all normal now'], { level: 'self_care' }],
    ['pale yellow wee is no pale leg', ['hungover, both calves cramping, drinking water and my wee is pale yellow now'], { notRule: 'E2' }],
    ['a tetanus booster four years ago is no doubt about the jabs', ['grazed my shin on a wall, cleaned it, had a tetanus booster 4 years ago, no redness'], { notRule: 'U6' }],
    ['a last tetanus jab "years ago" is still a doubt', ['stood on a rusty nail in the shed, my last tetanus jab was years ago'], { rule: 'U6' }],
    ['gasping for air in sprints, then back to normal, is breathlessness that has passed', ['interval sprints tonight, I was gasping for air, then back to normal within a minute, calf cramped at the end'], { notRule: 'E0' }],
    ['a twang in the calf yesterday, sore to walk on, is a strain, not walking pain', ['felt a twang in my calf at tennis yesterday, sore when walking today, can go up on tiptoe fine'], { notRule: 'G4' }],
    ['a lump behind the knee like a ball, no swelling in the calf, is no swollen leg', ['soft lump behind my right knee for 3 months like a small balloon, knee stiff when I bend, no swelling in my calf'], { notRule: 'U1' }],
    ['restless legs once or twice a month that do not spoil sleep are no GP visit', ['once or twice a month my legs feel restless in bed and I have to move them, then I drop off fine'], { notRule: 'G6' }],
    ['restless legs every night that wreck sleep are still a GP visit', ['my legs feel restless every night and I have to get up and walk about, it is wrecking my sleep'], { rule: 'G6' }],
    ['"foot warm" said of a calf that aches on a hill is the foot\'s colour and warmth, not a hot leg', ['when I walk up the hill my buttock and thigh get very tight and painful, I rest 2 minutes and I can carry on, like this for 6 months, no pain when sitting, foot warm'], { notRule: 'U1' }],
    // First-sight batch IW (2026-12-05), in other words: an arm and a leg of one side, mixed words, a carer's "tell me",
    // a foot jammed, a kick at the back of the ankle, back pain with a fever; and what is not a red flag.
    ['an arm and a leg of the same side that feel asleep is one side of the body', ["my dad says his right leg and right arm feel like they are sleeping since lunch"], { rule: 'E0' }],
    ['words that come out mixed, things called by the wrong name, is speech gone wrong', ['grandad has been talking for an hour and his words come out mixed, he keeps calling things by the wrong name'], { rule: 'E0' }],
    ['"cannot tell me when something hurts" is the cared-for person\'s pain, not the writer\'s', ['my daughter has autism and cannot tell me when something hurts, her calf is red, hot and swollen since this morning'], { level: 'urgent' }],
    ['a foot jammed between two things with pain getting worse is an injury getting worse', ['my foot got jammed between the pallet and the wall this morning and the pain is getting worse and worse'], { rule: 'E3' }],
    ['booted in the back of the ankle and no push up onto the toes is a torn Achilles', ['felt like someone booted me in the back of my ankle at badminton and now I cannot push up onto my toes'], { rule: 'U14' }],
    ['sciatica with a fever and the shivers is back pain with a high temperature', ['sciatica down my leg for a week and tonight I have a fever with the shivers'], { rule: 'U18' }],
    ['sciatica "not budging" after weeks is sciatica that has not eased', ['sciatica in my left leg for six weeks now, not budging with the stretches'], { rule: 'G13' }],
    ['pink pee put down to beetroot in the same sentence is no muscle breakdown and no red leg', ['had beetroot soup at lunch and my wee was pink this evening, had a little cramp in my foot too'], { level: 'self_care' }],
    ['feet that cramp on cold mornings are not cold feet', ['my feet cramp when I get up on cold mornings, it goes in a minute'], { notRule: 'E2' }],
    ['"is that a stroke sign?" about a foot gone dead from kneeling is a question, not a sign', ['knelt on the kitchen floor for ages, my foot went dead for a minute then pins and needles and fine, is that a stroke sign?'], { notRule: 'E0' }],
    ['shins that ache after each run in the first weeks of couch to 5k are the new load', ['week two of couch to 5k and my shins ache on each run, it eases off when I stop'], { notRule: 'G9' }],
    // Stop 58: "no better" and "not getting better" say a strain is not healing, not that it is getting worse (U7, E3).
    ['a strained thigh "no better" after a fortnight is a GP visit for a strain', ['strained my thigh at rugby a fortnight ago, rested it, still sore and no better'], { rule: 'G14' }],
    ['a pulled calf muscle "no better" after two weeks is no worsening injury', ['pulled a muscle in my calf on saturday, 2 weeks on its no better'], { level: 'gp' }],
    ['a shin "not getting better" since a marathon is not pain getting worse', ['my shin has ached since the marathon three weeks ago and it is not getting better'], { notRule: 'U7' }],
    // First-sight batch IV (2026-12-05): a mouth that hangs, mushy words, a tongue too big, a child's day told in parts.
    ['a mouth "hanging down" on one side is a face that dropped', ["my dad's mouth is hanging down on the left side since his tea"], { rule: 'E0' }],
    ['words "coming out all mushy" is slurred speech', ['her words are coming out all mushy, started ten minutes ago'], { rule: 'E0' }],
    ['a tongue that feels too big after a new tablet is a severe allergic reaction', ['started a new antibiotic an hour ago and my tongue feels too big for my mouth'], { rule: 'E0' }],
    ['a toddler\'s few wet nappies told after the sickness, "she" and no name, is same day', ['my daughter is 18 months, she has had diarrhoea since last night', 'only 2 wet nappies today, her lips look dry and she cries with no tears'], { rule: 'U13' }],
    ['a pulled muscle still sore and not getting better after weeks is a GP visit', ['pulled my hamstring a month ago at football, rested it, still sore and not getting any better'], { rule: 'G14' }],
    ['"ice" in a list of what was tried is no cold leg', ['shins sore from running, been resting a fortnight, ice, no running, still hurts on the stairs'], { notRule: 'E2' }],
    ['toes white from the sea that are "pink and warm" again are no blocked artery', ['went in the sea this morning and my toes went white and numb', 'sat in the car with the heater, they are pink and warm now and the feeling has come back'], { notRule: 'E2' }],
    ['blood spat out after a nosebleed is not blood coughed up', ['had a nosebleed last night and spat out some blood this morning, obviously from the back of my nose'], { notRule: 'E0' }],
    ['a torn muscle "improving every day" is not frequent cramps', ['hurt my calf at netball ten days ago, they said a torn muscle, it is improving every day'], { notRule: 'G1' }],
    ['both ankles puffy after a long flight and going down already is self-care', ['long flight from Delhi, both ankles a bit puffy, same on both sides, going down already after a night with my feet up'], { notRule: 'G2' }],
    ['"two hours later totally fine" after a sprint cramp is a cramp that ended', ['did hill sprints, got a cramp in my calf and was very breathless, my breathing was normal again after a few minutes rest, now two hours later totally fine'], { notRule: 'U7' }],
    ['"late afternoon" is a time of day, not "lately"', ['Lifeguard on a long hot shift, got cramp in both calves late afternoon, sat in the shade with a drink and within 20 mins I was back to normal'], { notRule: 'G1' }],
    ['a swelling "at the back of my knee" is a lump behind the knee', ['soft swelling at the back of my knee like a golf ball for a month, calf is normal'], { rule: 'G11' }],
    // First-sight batches IS and IT (2026-12-05): breath lost on effort, a weak arm and half a smile, a foot cold since lunch.
    ['having to stop on the stairs "to get my breath" with a swollen calf is 999', ['my calf has been swollen since the weekend and I had to stop halfway up the stairs to get my breath'], { rule: 'E1' }],
    ['an arm gone weak and a smile that only went up on one side is a stroke', ["my left arm's gone weak too, can't hold a cup, and only one side went up when I smiled"], { rule: 'E0' }],
    ['a foot cold and pale "since lunch" with numb toes is 999, after years of walking pain', ['had pain in my calves walking for years', 'since lunch my left foot has been cold and pale and my toes are numb'], { rule: 'E2' }],
    ['"hurts like nothing else even lying still" is pain at rest, not a negation', ['my foot has been pale and cold for a week and it hurts like nothing else even lying still'], { rule: 'U9' }],
    ['a baby with one wet nappy and sickness is same day', ['my baby has been sick all day and has only had one wet nappy since breakfast'], { rule: 'U13' }],
    ['"worried it\'s a clot" after hill running, both legs the same, is no clot history', ['did a hilly run yesterday and both calves are sore today, worried its a clot but they are the same and not swollen'], { level: 'self_care' }],
    ['"went down screaming" with a cramp and then played on is no collapse', ['went down screaming with cramp in extra time, stretched it and finished the match, fine now'], { notRule: 'E0' }],
    ['"can\'t go to the toilet easily" is constipation, not a bladder that will not empty', ['my mum gets leg cramps, she is always cold and tired and cannot go to the toilet easily'], { notRule: 'E6' }],
    ['sciatica so bad she has not slept for two nights is more than self-care', ['sciatica down my left leg, I have not slept for two nights with it and painkillers do nothing'], { rule: 'G13' }],
    // First-sight batches IQ and IR (2026-12-04): emergencies said in words the rules had not read.
    ['a fever with a stiff neck and light that hurts is 999 (meningitis)', ['my husband has a temperature of 39, a stiff neck and says the light hurts his eyes'], { rule: 'E0' }],
    ['a fever, a sore neck when bending it and no looking at the light, in a child, is 999', ['my daughter is 7, temp 39.2, she will not look at the light and her neck is sore when she bends it'], { level: 'emergency' }],
    ['"barely any of it" after dark pee is little urine: 999', ['after the squat challenge my pee is dark as cola, barely any of it, legs swollen'], { rule: 'E0' }],
    ['"hardly lift anything" is no little urine', ['new job on the docks, arms and thighs in agony, can hardly lift anything, pee is cola coloured'], { notRule: 'E0' }],
    ['"doesn\'t know what day it is" with a fever and a red leg is confusion: 999', ['my grandad has a red hot leg, he is shivering and he doesn\'t know what day it is'], { level: 'emergency' }],
    ['"dan" is "than": pain worse than the cut looks, with a fever, is 999', ['small cut pon mi shin, pain way worse dan di cut look, skin going dark and mi have fever'], { level: 'emergency' }],
    ['a wound from a dung fork, tetanus not remembered, is same day', ['went through my foot with a dung fork this morning, cannot remember my last tetanus jab'], { rule: 'U6' }],
    ['a toddler being sick with few wet nappies and no tears is same day', ['my toddler has been vomiting since last night, only 2 wet nappies today and no tears when he cries'], { level: 'urgent' }],
    // Self-care that sounds alarming: the cold of the sea or the snow gone again, a leg dead from kneeling that came back,
    // breathless only while sprinting, a set's length, a known knock, rest and ice.
    ['a cramp in a freezing sea that is fine now is not a blocked artery', ['swam in the sea this morning, water was freezing, calf cramped, stretched it on the beach and it is fine now'], { level: 'self_care' }],
    ['toes white in the snow that went pink when warmed are not a blocked artery', ['my toes went white in the snow but I warmed them by the fire and they went pink again, just a little cramp in my foot'], { level: 'self_care' }],
    ['a foot white and cold after a swim that will not warm up is still 999', ['swam in the sea and now my foot is white and cold and will not warm up'], { level: 'emergency' }],
    ['a leg dead for a minute after kneeling, then fine, is no red flag', ['knelt laying a floor all morning, stood up and my leg was dead and numb for a minute, then fine'], { level: 'self_care' }],
    ['a leg cold, white and numb after kneeling that has not come back is still 999', ['knelt for an hour and now my leg is cold, white and numb and it is getting worse'], { level: 'emergency' }],
    ['gasping in a sprint and breath got back in a minute is no breathlessness', ['calf cramp at the end of a sprint, I was gasping but got my breath back in a minute'], { level: 'self_care' }],
    ['"cannot get my breath back" is still breathlessness', ['on the pill, calf swollen for days, and tonight I cannot get my breath back'], { level: 'emergency' }],
    ['a 5-hour set is not a cramp that lasted 5 hours', ['played a 5 hr b2b, calves cramping a bit now, fine otherwise'], { level: 'self_care' }],
    ['an ache when walking from a knock on the bed frame is no narrowed artery', ['knocked my shin on the bed frame, small bruise, hurts a bit when I walk, getting better'], { level: 'self_care' }],
    ['"rest and ice" is no cold leg', ['shins still sore after a fortnight, rest and ice have not helped much'], { notRule: 'E2' }],
    ['"just knackered" after a long shift is no broken sleep', ['12 hour shift on my feet, both calves cramping tonight, no swelling, just knackered'], { level: 'self_care' }],
    ['a cramp stretched out on the ground is no collapse', ['hamstring cramped up the ladder, came down and stretched it out on the ground and it is gone'], { level: 'self_care' }],
    ['"read online that cramps can be" a clot is no clot of the writer\'s', ['read online that leg cramps can be a blood clot, had one after the gym, fine now'], { level: 'self_care' }],
    ['"can\'t lift his arm up" is a stroke sign, not an arm held up', ["now his face gone all droopy one side and he's talking funny, can't lift his arm up neither"], { level: 'emergency' }],
    ['cramps for weeks elsewhere in the sentence do not cancel a face that dropped', ['my dad has had cramps for weeks and now his face has dropped on one side'], { rule: 'E0' }],
    ['talking slowly does not cancel a face that dropped', ['his face has dropped on one side and he is talking slowly'], { rule: 'E0' }],
    ['holding the side of her face does not cancel a slur', ['she is holding the side of her face, it has dropped on one side and her speech is slurred'], { rule: 'E0' }],
    ['cramps for months do not cancel an arm that cannot be lifted', ['my dad has had cramps for months and now he cannot lift his arm'], { rule: 'E0' }],
    ['a slur its own clause says came over months is the GP\'s', ["grandad's speech has been a bit slurred for a few months now, and his hands have gone weak with cramps"], { level: 'gp' }],
    ['a slur now and then for a few months is not a stroke', ["her grip's gone weak and her speech has been a bit slurred now and then, been going on a few months"], { notRule: 'E0' }],
    ['a slur when tired is not a stroke', ['my speech slurs a bit when im tired and i get a lot of leg cramps'], { notRule: 'E0' }],
    ['a slur on and off for months, "not sudden", is not a stroke', ['my wife says my speech has been a bit slurred on and off for a couple of months. Not sudden'], { notRule: 'E0' }],
    ['"dead weak" on a statin is very weak', ["I take simvastatin. Past few days I've had muscle pain all over my legs and I feel dead weak and rough"], { level: 'urgent' }],
    ['"dead poorly" is not a limb that looks dead', ["Me nan's had a temperature for two days and it's getting worse, she sounds dead poorly on the phone"], { notRule: 'E2' }],
    ['a foot "dead cold and white" is still a cold white foot', ['my calf has been painful for an hour and my foot is dead cold and white'], { rule: 'E2' }],
    ['a pain that "catches" on breathing in after an operation', ["me nan's home after her hip op", "her right leg's dead swollen and sore behind the knee", 'and she says it catches in her chest when she breathes in'], { rule: 'E1' }],
    ['soreness "normally" gone but "today" getting worse is not easing', ['got cramp in my calf on my run yesterday', "normally it's just a bit sore the next day", "but today it's getting worse not better, hurts more than last night"], { rule: 'U7' }],
    ['chest pain on breathing in that ends "is this normal?" is a question, not a fine chest', ['my leg is hurting since my flight, the calf is big and warm', 'Now also when I breathe in deep there is pain in side of my chest, is this normal?'], { rule: 'E1' }],
    ['toes cold from lake water that warmed up fine are not a cold foot', ['Cramp in my foot after a winter paddle in the lake, toes were cold from the water but they warmed up fine and the cramp went in a minute'], { level: 'self_care' }],
    ['"crying rn" is still in pain, not "all right now"', ['get cramps all the time usually fine', 'but this 1 is diff, worst pain ive ever had, been 45 mins n its not easing at all, crying rn'], { level: 'emergency' }],
    ['"the cramps went and I feel fine … should I still go on" is eased', ['Open-air show in a heatwave, got cramps in my legs in the interval. Sat in the shade and after about 20 minutes the cramps went and I feel fine. Should I still go on for act two?'], { level: 'self_care' }],
    ['what "my mother in Brazil says to take" is advice to the writer', ["I'm pregnant 30 weeks, I have cramps in the night a lot, my mother in Brazil says to take magnésio. Is it ok?"], { rule: 'G8' }],
    ['mouth ulcers from chemo are not a leg sore that will not heal', ['mouth ulcers from chemo, can barely eat. any mouthwash that helps?'], { level: 'self_care' }],
    ['an ulcer on the leg that will not heal still is', ["I have an ulcer on my leg that won't heal and my foot is pale"], { rule: 'U9' }],
    ['angina as a condition with "no chest pain today" is no chest pain', ["I have angina but no chest pain today, I'm fine in myself. Had a cramp in my calf in bed that went in 2 minutes with stretching."], { level: 'self_care' }],
    ['an angina attack is chest pain', ['my calf is swollen and I am having an angina attack'], { level: 'emergency' }],
    ['the sudden worst pain ever, not easing, when the usual cramps "go in a minute"', ['Calf pain came on suddenly at my desk about 25 minutes ago', "I'm used to cramps, they go in a minute with stretching. This is nothing like them, worst pain I've ever had, it's not easing at all"], { rule: 'E7' }],
    ['"worst ever. no going aff. no a cramp"', ['pain in my leg', 'worst ever. no going aff. no a cramp'], { level: 'emergency' }],
    ['a statin user\'s sore thighs stay urgent when the next message only asks "is that normal"', ['been on simvastatin a few years', "this last week my thighs are sore and tender and I've not done anything different", 'is that normal'], { rule: 'U2' }],
    ['"a cramp in the twin" (the calf muscle, as said in French) is the writer\'s', ['I have a cramp very strong in the twin since 15 minutes', 'I walk, I stretch, it does not go, still very strong'], { rule: 'U7' }],
    ['what "the boss says there might have been" at work is the writer\'s exposure', ['I work at a place melting scrap metal, my cramps are getting bad and the boss says there might have been mercury in it'], { rule: 'U8' }],
    ['hot weather is not heatstroke', ['Fasting in Ramadan, got cramps in my legs in the afternoon when it was hot. After iftar I had water and sat in a cool room, cramps finished in 20 minutes.'], { level: 'self_care' }],
    ['a warm foot of normal colour is not a cold foot', ['Cramp in my foot under the desk, went after a minute of standing on it. No numbness after, foot warm and normal colour'], { level: 'self_care' }],
    ['cramps "coming back" are not the back', ['cramps in my calves most nights, waking me up, and stretching does nothing to stop them coming back'], { notRule: 'E6' }],
    ['Tagalog: a cramp that "ayaw pa rin mawala" after 20 minutes', ['Pulikat sa binti ko po since 20 minutes, hinilot ko na, nag-stretch na, naglakad na, ayaw pa rin mawala'], { rule: 'U7' }],
    ['Tagalog: "lagnat" for 3 days, "hindi bumababa"', ['May lagnat ako for 3 days na, hindi bumababa, with cramps sa legs at sobrang hina, feeling very unwell po'], { rule: 'U11' }],
    ['Tagalog: a statin and "my ihi is brown"', ['I take statin po for cholesterol, ngayon masakit ang muscles ko, sobrang hina ko, and my ihi is brown'], { rule: 'U2' }],
    ['cutting a hedge is not a wound', ["Neighbour's 75, he was out cutting his hedge in the sun and got cramp in his leg. Twenty minutes later it's gone and he feels normal."], { notRule: 'U6' }],
    ['last pregnancy\'s cramps are not this one\'s', ["Last pregnancy I had cramps every night and the GP saw me. This time, 30 weeks, I've just had one cramp this week, went with a stretch."], { level: 'self_care' }],
    ['a foot that feels cold, with a sudden cramp-like pain that will not go', ["pain like a cramp in my calf that won't go and my foot feels cold and numb, it started suddenly"], { level: 'emergency' }],
    ['a person feeling cold is not a cold foot', ["I'm feeling cold and tired tonight, got a cramp in my calf that went after a minute"], { level: 'self_care' }],
    ['a foot still cold and white after warming up is not explained by the cold it got it in', ['got cramp in my calf in the freezer at work', "that was an hour ago, still hurting and my foot is white and won't warm up"], { rule: 'E2' }],
    ['a colour said in a later message, with no leg named, is the leg\'s', ['my leg suddenly hurts really badly from the knee down', 'now it has gone a funny blue colour'], { rule: 'E2' }],
    ['"puffing going up the stairs" is breathlessness, not a swelling', ['my calf is swollen and hot on one side', "and I'm puffing going up the stairs"], { rule: 'E1' }],
    ['"blacked out" after going down on the stairs is a collapse', ['just went down on the stairs, blacked out for a few seconds'], { rule: 'E0' }],
    ['"over an hour now" is not "over now"', ['calf cramp, it has been over an hour now'], { rule: 'U7' }],
    ['a calf that "shouldve settled by now" and is getting worse', ['had a cramp in my calf two days ago', 'it shouldve settled by now but its getting worse each day'], { rule: 'U7' }],
    ['a medicine taken "for years with no bother" is not years of cramps, and "fine since" is eased', ['been on amlodipine for years with no bother, one cramp in my calf on a walk today, stretched it, fine since'], { level: 'self_care' }],
    ['a cramp fitting on a hose is not a fit', ['the hose has a cramp fitting that keeps slipping off'], { notRule: 'E0' }],
    ['"woke with cramp … at four", "it\'s gone five now" and still rock hard: a cramp that will not ease', ["woke with cramp in my calf at four, it's gone five now and it's still rock hard"], { rule: 'U7' }],
    ['"the hottest day of the year", 40.2 and "losing track of what I\'m saying"', ["hottest day of the year at the allotment, cramps in my legs, temperature is 40.2 and I keep losing track of what I'm saying"], { rule: 'E5' }],
    ['Nigerian Pidgin: back pain that "dey run go down my two legs" and "no fit hold my toilet"', ['my back dey pain me well well, pain dey run go down my two legs, I no fit hold my toilet since morning'], { rule: 'E6' }],
    ['"cramps down my two legs" is not sciatica down both legs', ['cramps down my two legs at night'], { notRule: 'E6' }],
    ['"fitting carpet" is work, not a fit', ['knelt on a nail fitting carpet today, had my tetanus jab last year'], { notRule: 'E0' }],
    ['sudden leg pain "worse than childbirth", doubled over, is the worst pain there is', ['my leg pain came on all of a sudden, I am doubled over, it is worse than childbirth'], { level: 'emergency' }],
    ['a red hot patch the size of a coin this morning and of a plate now is spreading ("hot patch on" is not "a hot one")', ['there is a red hot patch on my shin, it was the size of a coin this morning, now it is more like a plate'], { rule: 'U10' }],
    ['"my back\'s bad" and both legs weaker by the hour', ["my back's bad and both my legs are getting weaker by the hour"], { rule: 'E6' }],
    ['"our striker" is someone, and his cramp still locked after 20 minutes will not ease', ['our striker cramped in his calf, it has been 20 minutes now and it is still locked'], { rule: 'U7' }],
    ['what a pharmacist said to come back with ("if it gets swollen or red") is not a swollen leg', ['the pharmacist told me to come back if my calf gets swollen or red', 'had a cramp last night, gone in a minute'], { level: 'self_care' }],
    ['"worried it was a seizure" is not a seizure', ['woke with a calf cramp and worried it was a seizure, it went in a minute when I stretched'], { notRule: 'E0' }],
    ['"is he talking rubbish?" asks about a claim; it is not confused speech', ['my brother says cramps mean kidney failure, is he talking rubbish?'], { notRule: 'E0' }],
    ['a cramp that "took a few minutes to go" has eased: not cramps after a wound', ["cut my hand on a tile last month, had a tetanus jab last year, it's healed", 'cramp in my foot tonight, took a few minutes to go'], { notRule: 'U6' }],
    ['what the writer read about online is not theirs', ['I read about rhabdo online, can a cramp after the gym mean that? it went in a minute'], { notRule: 'U2b' }],
    ['a husband who "will not go to the GP" is not a cramp that will not go', ['my husband will not go to the GP about his cramps, they come most nights'], { notRule: 'U7' }],
    ['a table leg wobbling "with the swell" of the sea is not a swollen leg', ['the table leg keeps wobbling with the swell'], { level: 'self_care' }],
    ['an ironing board leg that keeps collapsing is no collapse', ['my ironing board leg keeps collapsing'], { notRule: 'E0' }],
    ['a cramp that "started at about 11" and "it is half past now", still rock hard, will not ease', ['my calf cramp started at about 11', 'it is half past now and still rock hard'], { rule: 'U7' }],
    ['"could not feel the toilet paper when I wiped" is numbness around the bottom', ['I could not feel the toilet paper when I wiped and my back is agony'], { rule: 'E6' }],
    ['"one side is drooping", said after the face in another clause, is a stroke sign', ['my husband says his face feels strange and one side is drooping'], { rule: 'E0' }],
    ['"my right arm feels heavy" is a stroke sign', ['my right arm feels heavy and my leg has been cramping'], { rule: 'E0' }],
    ['"she feels like she\'s dyin" is a sense of doom', ["nan has had cramps all week and now she says she feels like she's dyin"], { level: 'emergency' }],
    ['walking pain that "changed suddenly" is the urgent kind', ['I get calf pain walking to the shops, it used to be 300 yards, now 30, it changed suddenly this week'], { rule: 'U9' }],
    ['cramps on haemodialysis, most sessions, are for the GP', ["I'm on haemodialysis and get cramps most sessions"], { level: 'gp' }],
    ['"I\'m cool and with it" is the person, not a cold limb', ["long day in the heat, I'm cool and with it now, legs sore and weak and wee is dark"], { notRule: 'E2' }],
    ['a climbing rope with a "core shot" that I "cut and keep using" is no wound or jab', ['my rope has a core shot, can i cut it and keep using it?'], { notRule: 'U6' }],
    ['spasms in the chest from coughing are not cramps that disturb sleep', ['coughing fits at night with spasms in my chest, cannot sleep'], { level: 'self_care' }],
    ['sewing pins and needles are not pins and needles', ['which pins and needles are best for quilting cotton'], { level: 'self_care' }],
    ['"on a scale of 1 to 10 this is about 15", out of nowhere and not easing, is severe sudden pain', ['on a scale of 1 to 10 this is about 15, came out of nowhere in my calf and it is not easing'], { level: 'emergency' }],
    ['"my legs both become weaker" with back pain is cauda equina', ['my legs both become weaker since this morning and my back is hurting'], { rule: 'E6' }],
    ['a youth worker\'s "YP" who "has wet himself and cannot feel it happening" after hurting his back', ['my YP hurt his back and now he has wet himself and says he cannot feel it happening'], { rule: 'E6' }],
    ['cramps "most shifts now" are frequent', ['cramps in my calves most shifts now'], { level: 'gp' }],
    ['a mop that "seizes up … locks solid, is it broke" is no injury', ['my mop seizes up and locks solid, is it broke'], { notRule: 'E3' }],
    ['legs that "keep collapsing under him" are still read as a collapse; a massage couch\'s legs are not', ["my dad's legs keep collapsing under him and he fell"], { level: 'emergency' }],
    ['"the legs on my folding massage couch keep collapsing" is no collapse', ['the legs on my folding massage couch keep collapsing, is it the hinges?'], { notRule: 'E0' }],
    ['"having fit now on floor, all body shaking" is a seizure', ['my brother having fit now on floor, all body shaking, already some minutes'], { rule: 'E0' }],
    ['sudden leg pain, "worst in my life", not like cramp and not stopping', ['Tonight very sudden pain in my leg, worst in my life, it is not like cramp and it is not stopping.'], { level: 'emergency' }],
    ['"worst I\'ve had in seventy years" is the worst pain ever; "worst I\'ve had in weeks" is not', ['sudden pain in my leg, worst I have had in seventy years, not letting up'], { rule: 'E7' }],
    ['"the worst cramp I have had in weeks", gone in a minute, is an ordinary cramp', ['worst cramp i have had in weeks, went after a minute'], { level: 'self_care' }],
    ['legs "crampin and goin weak, baith o them" with "I cannae control when I pee"', ["ma back's been murder since I lifted the couch, noo ma legs are crampin and goin weak, baith o them, and I cannae control when I pee"], { rule: 'E6' }],
    ['"passed motion without knowing" with back pain and weak legs is losing control of the bowels', ['my husband has bad back pain and weak legs, this morning he passed motion without knowing'], { rule: 'E6' }],
    ['"feel like death warmed up" with flu is no sense of doom', ['flu for three days, my legs keep cramping and I feel like death warmed up'], { notRule: 'E0' }],
    ['a hand that cramps writing notes, wanting "a fatter pen", is no swollen leg', ['my hand cramps writing the shift notes, would a fatter pen help'], { notRule: 'U1' }],
    ['a weeping red leg, then "don\'t know where he is" and shaking, is sepsis', ["my grandad's shin has been red and weeping for days, now he's shaking and don't know where he is"], { rule: 'E8' }],
    ['"cannot hold my stool" with back pain going into both legs', ["I've pain in my back and now in both legs as well, and since this morning I cannot hold my stool"], { rule: 'E6' }],
    ['temperatures that rise from one reading to the next, with cramps', ['flu and leg cramps, temp 37.8 yesterday and 38.7 this morning'], { rule: 'U11' }],
    ['temperatures that fall are not getting worse', ['flu and leg cramps, temp was 38.7 yesterday and 37.8 this morning'], { notRule: 'U11' }],
    ['Shetland: "da worst pain I\'ve ever had … no like ony cramp … no easin at aa"', ["me calf cramped an it's no like ony cramp, da worst pain I've ever had, no easin at aa"], { level: 'emergency' }],
    ['Shetland: "me watter\'s gone da colour o cola" after carrying stones in the heat, legs sore and weak', ["cairryin stanes aa day in da heat, me legs is sair an weak an me watter's gone da colour o cola"], { rule: 'U2b' }],
    ['lifting stones is no cold leg', ['calf cramp lifting stones onto the wall, stretched it out and it went'], { notRule: 'E2' }],
    ['a calf "swollen hard under the wrap" after an operation, pain climbing, foot going numb', ['had my op last week and they put wraps on my legs, now my calf is swollen hard under the wrap, the pain keeps climbing and my foot is going numb'], { rule: 'E3' }],
    ['a "spelk" in the thumb, then cramps spreading up the back and neck and cannot open the "gob"', ['got a spelk in me finger last week, now me legs are cramping and it is spreading up me back and neck, cannot open me gob properly'], { rule: 'E4' }],
    ['"had me bairn" ten days ago, then flashing lights and pain under the ribs', ['had me bairn a week past, cramps in me legs', 'noo flashin lights in me eyes an pain just under me ribs'], { rule: 'U4' }],
    ['walking cramps that make me stop, coming on "much quicker" this week', ['cramp in my calf walking up the hill for months, this week it comes on much quicker and I have to stop'], { rule: 'U9' }],
    ['legs that ache "like I\'ve been run over by a tractor" are no injury', ["legs ache like I've been run over by a tractor and it keeps getting worse, cramps on and off"], { notRule: 'E3' }],
    ['a toxin someone else spilled counts for the writer who cleaned it up', ['my son dropped a mercury thermometer and I wiped it up, now I get cramps in my calves and my hands shake'], { rule: 'U8' }],
    ['"come on like" a blade, "never had owt like it", ten out of ten and not easing', ["pain in me thigh come on like a blade ten minutes since, never had owt like it, ten out of ten an it won't ease"], { level: 'emergency' }],
    ['"spiked by summat" through a glove, not sure of the tetanus jab', ["got spiked by summat in the hedge, went right through me glove, can't remember me last tetanus jab"], { rule: 'U6' }],
    ['sweeping up broken thermometers, then cramps and the shakes', ['swept up a box of broken thermometers at the tip, now my legs cramp and I have the shakes'], { rule: 'U8' }],
    ['a calf "puffier" and warmer than the other, someone who winces when it is touched', ['his right calf is puffier and warmer than his left, he winces when I press it'], { rule: 'U1' }],
    ['cannot hold on to urine, back pain going down both legs', ['I have pain in my back and in both legs, and since this morning I cannot hold on to the urine'], { rule: 'E6' }],
    ['pregnant and asking about "magnézium", accent and all', ['pregnant 6 months with night cramps, thinking of getting magnézium from the chemist'], { rule: 'G8' }],
    ['"can\'t afford to be off work" is money, not cramps spoiling daily life', ["can't afford to be off work this week", 'had one cramp in my calf last night, stretched it and it went'], { notRule: 'G1' }],
    ['"fly-tipped" rubbish is no flight', ['cleared fly-tipped rubbish all day, bit out of breath now and my calves are cramping'], { notRule: 'U1' }],
    ['melting lead down to cast fishing weights, then cramps and a foggy head', ['been melting lead in the garage to make my own fishing weights, now cramps in my calves and my head is foggy'], { rule: 'U8' }],
    ['a temperature, cramps, and "I feel worse today, not better"', ['temperature of 38.8 for three days', 'legs cramping too', 'I feel worse today, not better'], { rule: 'U11' }],
    ['"6 nights out of 7", "two or three cramps a night"', ['6 nights out of 7 I get two or three cramps a night in my calves'], { rule: 'G1' }],
    ['blood sugars "all over the place" are no spasms spreading', ['type 1 on insulin, burning feet at night and calf cramps, sugars all over the place lately'], { notRule: 'E4' }],
    ['"foot\'s warm" after a short cramp is a reassurance, not a warm leg', ["cramp in my left foot last night for a minute, rubbed it and it went. foot's warm, no swelling"], { notRule: 'U1' }],
    ['fell with a weight across the thigh, swollen, the pain "grows every hour" and moving makes it worse', ["at the gym I fell with the weight across my thigh, it's swollen now, the pain grows every hour and moving makes it worse"], { rule: 'E3' }],
    ['a cramp at one clock time and a calf more and more painful at another', ['woke with a cramp at 4am, it eased, but now it is 1pm and my calf is getting more and more painful'], { rule: 'U7' }],
    ['getting off a forklift is no injury', ['cramp in my calf since I got off the forklift ten minutes ago, still knotted'], { notRule: 'E3' }],
    ['walking cramps in both buttocks that go after sitting on a bench', ['when I walk into town I get cramping in both buttocks, I have to sit on a bench a minute and it goes off, every time'], { rule: 'G4' }],
    ['a cold lake swim is no cold leg', ['cold lake swim this morning, cramp in my foot, rubbed it and it stopped'], { notRule: 'E2' }],
    ['"no air" in a hot room is not breathlessness', ['hot shift in the bakery, no air, my calves cramped, I had water in the yard and they went'], { level: 'self_care' }],
    ['a calf still sore from last night\'s cramp "when I walk", getting better, is no claudication', ["cramp in the night, gone in a couple of minutes, calf still a bit sore when I walk today but it's easing"], { notRule: 'G4' }],
    ['in the heat, cramps, "shaking like a fit" and "awake but strange"', ['roasting in the shed today, my brother got cramps then fell down shaking like a fit, now he is awake but strange'], { level: 'emergency' }],
    ['feeling "cramped" in a flat and wanting "a bigger place" is no swollen leg', ['I feel so cramped in my flat, how do I find a bigger place'], { level: 'self_care' }],
    ['walking cramps that "come on after a few steps" now, with an ache sitting down', ['my calf used to cramp after a long walk, now it comes on after a few steps and the foot aches even sitting down'], { rule: 'U9' }],
    ['a cancer spread to the spine, and both legs "getting weaker and weaker" today', ['my cancer has spread to my spine, radiotherapy ended last week. my legs keep cramping and today they are getting weaker and weaker, both of them'], { rule: 'E6' }],
    ['"tips for fitting three kids" into a caravan is no fit', ['the caravan is tiny, any tips for fitting three kids and a dog in for a week'], { level: 'self_care' }],
    ['"my aai", Marathi for mum, is someone else: her quinine and her nosebleed go together', ['my aai takes quinine at night, yesterday she had a nosebleed that took ages to stop'], { rule: 'U3' }],
    ['a cramp "an hour ago" that was rubbed out, the person "asleep now", is over', ["wife's asleep now, she woke with a cramp in her calf an hour ago, I rubbed it out and she is fine"], { level: 'self_care' }],
    ['"kicked by a horse" is an injury: a calf swollen tight, pain that "grows", toes numb', ['was kicked by a horse yesterday, my calf is swollen tight and the pain grows all the time, my toes feel numb'], { rule: 'E3' }],
    ['walking cramps "before it hits" are not a sudden pain', ['I get cramp in my calf walking uphill, now I can only do 50 yards before it hits and my toes look a bit blue'], { notRule: 'E2' }],
    ['nightly cramps of which "some go on for twenty minutes" are the GP\'s', ['cramps in my thighs every night for weeks, some go on for twenty minutes, stretching does nowt'], { level: 'gp' }],
    ['"it is nearly quarter past", no hour said, is the time now: a cramp since 4 still going', ['cramp in my calf woke me at 4', 'it is still going and it is nearly quarter past, stretching and walking do nothing'], { rule: 'U7' }],
    ['a tetanus jab given "at the time" of the graze protects, and a cramp "that went after stretching" has eased', ['grazed my knee on a fence last week and they gave me a tetanus jab at the time. got a cramp in my calf tonight that went after stretching'], { level: 'self_care' }],
    ['"up all night calving" is work, not sleep the cramps broke', ['up all night calving, got cramp in my thigh when I finally sat down, went off after a stretch'], { level: 'self_care' }],
    ['having "to strain to pee" with cramping legs and a sore back is trouble peeing', ['legs cramping and back sore, and since yesterday I have to strain to pee'], { rule: 'E6' }],
    ['"a busy night running trays" is not nights in a row', ['after a busy night running trays round the ward I had a cramp in my calf on the walk home, gone within a minute'], { notRule: 'G1' }],
    ['"no sleep + my calf swollen": the plus ends the "no"', ['nights = no sleep + my calf swollen and red'], { rule: 'U1' }],
    ['"lumpy bits on my thighs" are no bite', ['got lumpy bits on my thighs where I inject my insulin, cramp in my calf last night that went after a minute'], { notRule: 'U6' }],
    ['a foot "freezing so it is" is a cold foot, not someone freezing it with ice', ["sudden pain in my left calf half an hour ago and the foot's freezing so it is, not like the other one"], { rule: 'E2' }],
    ['a back "in bits" is back pain: with both legs going weak it is cauda equina', ["my back's been in bits all week and now both my legs are going weak"], { rule: 'E6' }],
    ['"did not control my toilet" with back pain is losing control of the bowels', ['back pain for a week and sore legs, and last night I did not control my toilet'], { rule: 'E6' }],
    ['years "on lisinopril for my blood pressure" are years on a tablet, not years of cramps', ['been on lisinopril for my blood pressure for years, had one cramp in my foot last night that went in a minute'], { notRule: 'G1' }],
    ['"people have drowned from cramp" is what a brother says, not the writer drowning', ['had a cramp swimming lengths, it went after I floated, my brother reckons people have drowned from cramp'], { level: 'self_care' }],
    ['what "people have died from" does not take back the writer\'s own swollen, hot calf said after it', ['I know people have died from clots and my calf is swollen and hot'], { rule: 'U1' }],
    ['Arsenal is a football club, not arsenic', ['is Arsenal playing tonight'], { notRule: 'U8' }],
    ['"electric buses" are no electric-shock numbness, and knees hitting a dashboard no injury', ['the new electric buses have cramped cabs, my knees hit the dashboard'], { level: 'self_care' }],
    ['a bus\'s "suspension went down": no one collapsed', ['the bus kneeling suspension went down at the stop and will not come back up'], { notRule: 'E0' }],
    ['"never feel pain like this in her life", sudden and not stopping, is sudden severe pain', ['my wife got a sudden pain in her calf, she say she never feel pain like this in her life, it is not stopping for an hour'], { rule: 'E7' }],
    ['"no it is not cramp", then the worst pain ever that will not stop, is unlike a cramp', ['cramp in my thigh', 'no it is not cramp', 'the worst pain i have ever had and it will not stop'], { level: 'emergency' }],
    ['muscles weaker "over the last year" is a year up to now, not the past', ['my dad is 78, cramps, and his thigh muscles have got weaker over the last year, he can barely get up off the sofa'], { rule: 'G3' }],
    ['"it feels nothing like" something is no numbness', ['cramp in my calf last night that went with a stretch, it feels nothing like my old sciatica'], { level: 'self_care' }],
    ['"before the cramp kicked in" is no injury', ['I have poor circulation and used to walk a mile before the cramp kicked in, now it is a hundred yards and getting worse'], { notRule: 'E3' }],
    ['a throat "sore and tight from talking all day" is no allergic reaction', ['my throat is sore and tight from talking all day at work, and my calves cramp at night'], { notRule: 'E0' }],
    ['a throat "sore and tight" after peanuts, with wheezing, is still an allergic reaction', ['my throat is sore and tight after eating peanuts and I feel wheezy'], { level: 'emergency' }],
    ['"fine within an hour" earlier does not take back the worst pain ever, back now and not stopping', ['cramp in my calf 3 hours ago, I was fine within an hour but now it is back, worst pain ever and not stopping'], { level: 'emergency' }],
    ['a mate who "just dropped on the floor" and is shaking all over has collapsed', ['asking for my mate, he just dropped on the floor at work and he is shaking all over'], { level: 'emergency' }],
    ['"really really bad" pain, sudden and unlike the usual cramps, is sudden severe pain', ['really really bad pain in my calf, came on suddenly, not like my normal cramps'], { rule: 'E7' }],
    ['Doric "wet masel" after a sore back, with both legs numb, is losing control of the bladder', ['my back has been sore since the weekend', 'now both my legs are numb', 'and i wet masel without knowing'], { rule: 'E6' }],
    ['"one gentleman" on quinine is someone else: his nosebleed goes with his quinine', ['care worker here, one gentleman takes quinine for cramps and he has had a nosebleed tonight'], { rule: 'U3' }],
    ['"a big breath" then "a stab in me ribs" is pain on breathing in, after a calf swollen since a long journey', ['my calf has been swollen since the ferry on Sunday', 'and when I take a big breath there is a stab in me ribs'], { level: 'emergency' }],
    ['"simva" is simvastatin, and eyes "yeller" are yellow', ['on simva and the whites of my eyes look yeller, legs aching'], { rule: 'U2' }],
    ['"long winded" is no breathlessness', ['sorry to be long winded, my left calf is a bit swollen after the flight'], { notRule: 'E1' }],
    ['"the hot end of" a warehouse is the weather, not a hot leg', ['cramps in my legs at the hot end of the warehouse, cooled off with water and they went in 10 minutes'], { notRule: 'U1' }],
    ['heat cramps gone within "quarter of an hour" lasted 15 minutes, not an hour, and went', ['cramps in my legs on the roof in the heat, had a drink in the shade, they had gone within quarter of an hour, back at work now'], { notRule: 'U7' }],
    ['"one side is not worse than the other" is both sides alike', ['both ankles puffy for months and cramps in my calves, one side is not worse than the other'], { notRule: 'U1' }],
    ['Scots "faither" is a father: his tetanus long ago is not the writer\'s wound', ['me faither had tetanus off a rusty nail years ago, I just had a cramp in my calf that went in a minute'], { notRule: 'U6' }],
    ['"both are getting weaker by the hour" after the legs is worsening weakness in both legs', ['legs cramping and tingly since yesterday, now both are getting weaker by the hour'], { rule: 'E6' }],
    ['a calf "a bit sore next day" as usual, but getting worse not better days later, is soreness getting worse', ['cramp in my calf on Monday, normally it is a bit sore next day and that is it, but it is Thursday and it is getting worse not better'], { rule: 'U7' }],
    ['"me arse cheek and thigh" aching walking the dog, "grand again" after a minute\'s stop, is claudication', ['pain in me arse cheek and thigh walking the dog, stop for a minute and it is grand again, smoked for years'], { rule: 'G4' }],
    ['a tetanus booster had "then", at the time of a wound, is up to date', ['stood on a rusty nail last week and had a tetanus booster then'], { notRule: 'U6' }],
    ['a bite\'s redness "spreading down my calf" is no spasm spreading', ['insect bite on my shin, the red is spreading down my calf and I have a temperature'], { notRule: 'E4' }],
    ['a cramp "every so often" is not frequent', ['what is the best stretch for a calf cramp? I get one every so often after hockey'], { notRule: 'G1' }],
    ['"fitting stair carpet" is a carpet fitter\'s work, not a fit', ['fitting stair carpet on a cramped landing all day, any tips for calf cramps'], { notRule: 'E0' }],
    ['someone "fitting on the stairs" is having a fit', ['my husband is fitting on the stairs'], { level: 'emergency' }],
    ['bleeding gums in pregnancy are not bleeding from the womb', ['22 weeks pregnant, my gums bleed when I brush, and I get calf cramps at night'], { notRule: 'U12' }],
    ['"is spotting normal in early pregnancy?" asked in general still gets the advice to have it checked today', ['is spotting normal in early pregnancy?'], { rule: 'U12' }],
    ['a foot cramp whose arch "went into spasm with my toes pointing everywhere" is no wound and no spreading spasm', ['cramp in my foot in the night, the arch went into spasm with my toes pointing everywhere, I pulled them back and it went in a minute'], { level: 'self_care' }],
    ['"after a couple of minutes rest the pain goes" is walking pain eased by rest, not pain at rest', ['my bum and thigh hurt when I walk; after a couple of minutes rest the pain goes and I walk on. No pain at night'], { notRule: 'U9' }],
    ['"from one month" is how long, not a cramp that started at one o\'clock and is still going', ['on steroid tablets from one month, now I get cramps and my legs feel a bit weaker on the stairs'], { notRule: 'U7' }],
    ['a dog holding up his back leg when he walks is no walking pain of a person', ['our dog keeps holding up his back leg when he walks, is he in pain?'], { level: 'self_care' }],
    ['burning hot and "confused about where we are" is heatstroke\'s or sepsis\'s 999, the heat named or not', ['he had cramps in his legs earlier', 'now he feels burning hot and he is confused about where we are'], { level: 'emergency' }],
    ['"my granda" is someone else, not a typo for "grand": his nail and his unknown tetanus jabs go together', ["my granda stood on a rusty nail in the yard, he can't remember ever having a tetanus jab"], { rule: 'U6' }],
    ['"a little blood on my knickers" in pregnancy is bleeding in pregnancy', ['20 weeks pregnant with night cramps, and this morning a little blood on my knickers, no pain'], { rule: 'U12' }],
    ['"a bit of pink when I wiped" in pregnancy is spotting', ['18 weeks pregnant, a bit of pink when I wiped today, otherwise fine'], { rule: 'U12' }],
    ['"a chemical for killing insects" spilt on the writer is a poison', ['a chemical for killing insects spilt on my arms at work yesterday and now I keep getting cramps in my legs'], { rule: 'U8' }],
    ['weedkiller that "went all down my legs" is a spill, not a collapse', ['a tub of weedkiller tipped over and went all down my legs, now my calves are cramping, breathing fine'], { notRule: 'E0' }],
    ['"no change in my colour" says nothing changed', ['I have liver trouble and cramps in my legs most nights, they pass after a bit, no change in my colour or anything'], { notRule: 'E2' }],
    ['"tired and cold all the time" with low thyroid is no cold leg', ['low thyroid, cramps in my legs most days and I feel tired and cold all the time'], { notRule: 'E2' }],
    ['inhalers named by colour ("the blue one and a purple one") are no blue leg', ['new inhalers since March, the blue one and a purple one, and since then I get cramps in my legs'], { notAsked: 'cold_leg' }],
    ['the same tablets "for years, no changes" and one cramp "first in months, gone in a minute" are neither a new medicine nor "months gone" pregnant', ['been on the same water tablets and blood pressure tablets for years, no changes. One calf cramp last night, first in months, gone in a minute'], { level: 'self_care' }],
    ['"a little pink when I wiped" in pregnancy is spotting, not a pink leg', ['21 weeks pregnant, leg cramps at night, and a little pink when I wiped today'], { notRule: 'U1' }],
    ['"pink on the tissue" in pregnancy is spotting, not a pink leg', ['25 weeks pregnant, leg cramps again and pink on the tissue after the loo'], { notRule: 'U5' }],
    ['"pink in my pants" is underwear, not panting', ['a bit of pink in my pants, 19 weeks pregnant, and cramps in both calves'], { notRule: 'E1' }],
    ['"some red on my pad" in pregnancy is bleeding in pregnancy', ['26 weeks pregnant, calf cramps again, and some red on my pad this morning'], { rule: 'U12' }],
    // First-sight batch IL (2026-12-04), in other words than the batch's.
    ['a sore that "will not close up" is a sore that does not heal', ['poor circulation in my legs, and the sore on my shin will not close up, a month now'], { rule: 'U9' }],
    ['a leg that gives way on the writer, with sciatica, is a nerve pressed harder', ['sciatica in my right leg for three weeks and since yesterday the leg keeps giving way on me'], { rule: 'U16' }],
    ['feet going numb "bit by bit" is gradual, not numbness round the bottom', ['my toes have been going numb bit by bit over the winter, nothing sudden'], { notRule: 'E6' }],
    ['cramps that "become more and more" come more often', ['my calf cramps were once a month, it becomes more and more, now most weeks'], { rule: 'G1' }],
    ['an operation "for next year" is no time the cramps have lasted', ['knee op booked for next year, had a calf cramp after tea that went in a minute, fine now'], { level: 'self_care' }],
    ['a cramp that went in minutes is no clot\'s pain, on the pill or not', ['on the pill for years, nothing new, cramp in my calf last night, really painful but after 3 min was ok'], { level: 'self_care' }],
    ['a painful calf that has not gone, on the pill, is still a clot to rule out', ['on the pill for years, my calf has been really painful since last night'], { rule: 'U1' }],
    ['"sick and runny poo", "only weed once" and "dizzy standing" are vomiting, diarrhoea and dehydration', ['sick and runny poo since monday, only weed once today, dizzy standing, legs cramping'], { rule: 'U13' }],
    ['a leg getting weaker by the day, with sciatica, is a nerve pressed harder', ['sciatica down my right leg, and the leg is getting weaker and weaker, waterworks fine'], { rule: 'U16' }],
    ['"it buckles on the stairs" is a leg giving way', ['sciatica for a month and now my left leg, it buckles on the stairs'], { rule: 'U16' }],
    ['"could not feel the paper" when wiping is numbness down below', ['sore back and cramps down my legs, had it before from lifting, just want some stretches', 'since this morning when I wiped I could not feel the paper'], { rule: 'E6' }],
    ['not telling when a pee is needed is a bladder change', ['sore back and cramps down my legs, had it before from lifting, just want some stretches', 'since this morning I cannot really tell when I need a pee'], { rule: 'E6' }],
    ['"fever and chills" are shivers, not a cold leg', ['been getting cramps at night', 'now my lower leg has gone red, swollen and hot, 2 days now, and last night fever and chills'], { level: 'urgent' }],
    ['a heart attack in the past is no chest pain now', ['what cholesterol should I aim for after a heart attack, I get the odd calf cramp at night'], { level: 'self_care' }],
    ['a banana every day is what someone eats, not how often the cramps come', ['nan says eat a banana every day for cramp, I get one maybe twice a month'], { notRule: 'G1' }],
    ['dark urine "like tea and only a little bit" is little urine', ['had a fall on the kitchen floor and was there till the morning, legs weak and hurting, and my urine is dark like tea and only a little bit.'], { rule: 'E0' }],
    ['breathing that stops in sleep, with snoring, is not a collapse', ['my partner snores and stops breathing when he sleeps, is that apnoea'], { notRule: 'E0' }],
    ['someone who has stopped breathing is still a 999 call', ['my partner collapsed and has stopped breathing'], { rule: 'E0' }],
    ['an arm and a leg numb and weak together, in a later message, is a stroke sign', ['cramps in my calves after work', 'now my left arm and leg are numb and weak, started twenty minutes ago'], { rule: 'E0' }],
    ['a smile "gone wonky" is a face that dropped', ['my nan says her face feels funny and her smile has gone wonky since lunch'], { rule: 'E0' }],
    ['pain "something chronic" from a scratch, a purple blistered patch spreading, is 999', ['scratched my calf on the brambles at the weekend, nothing much, but now the pain is something chronic, a purple blistered patch is spreading and I feel rough'], { level: 'emergency' }],
    ['a blood sugar checked and normal is no diabetes', ['my sugar was checked in the summer and it is normal, calf cramp in bed last night, gone in a minute'], { notRule: 'G7' }],
    // Read again in stop 54: 'leg 2 day' had been 'leg day', exercise, and the case 999 for heat illness (E5).
    ['pain "much more than the bite looks like" is pain out of proportion', ['my dad got bitten on the shin by a dog 2 day ago, pain is much more than the bite look like, skin gone dark purple with blisters and a high temperature'], { rule: 'E8' }],
    ['"leg 2 day" is no leg day at the gym', ['cut on my leg 2 day ago, now it is hot and red and I have a high fever and feel weak'], { notRule: 'E5' }],
    ['dark urine and "only been twice today" is little urine: 999', ['after a long shift my legs were killing me, my pee has gone dark brown and I have only been twice today'], { rule: 'E0' }],
    ['"drinking loads" is how much someone drank, not how often the cramps come', ['got a calf cramp after drinking loads at the wedding'], { notRule: 'G1' }],
    ['"up the lane and back up" is no pain going up and up', ['walking up the lane and back up the hill my calves ache, I stop a minute and it goes'], { notRule: 'U7' }],
  ])('%s', (_why, messages, reading) => expectReading(messages, reading));

  it('scopes a negation to its clause: "no swelling, but I can\'t breathe" is an emergency', () => {
    const result = assess("no swelling, but I can't breathe");
    expect(result.level).toBe('emergency');
    expect(result.rules).toEqual(['E0']);
  });

  it.each(["my leg isn't swollen", 'no swelling, no redness', 'no swelling, redness or warmth', 'I do not have any swelling in my calf', 'no redness, calf is not swollen'])(
    'does not fire swelling on "%s"',
    (text) => {
      const result = assess(text);
      expect(result.rules).not.toContain('U1');
      expect(result.rules).not.toContain('G2');
    },
  );

  it.each(['my calf is swollen and hurts, no chest pain', 'right calf swollen and sore when I walk on it, no chest trouble'])(
    'does not read the pain before ", no chest …" as chest pain: "%s" is urgent, not 999',
    (text) => {
      const result = assess(text);
      expect(result.level).toBe('urgent');
      expect(result.rules).toContain('U1');
    },
  );

  it.each(["not sure if my calf is swollen, it's red and hot", "I don't know if it's swollen but my calf is warm and red"])(
    'reads uncertainty as a possible sign, not as a negation: "%s"',
    (text) => expect(assess(text).level).toBe('urgent'),
  );

  it('keeps the second clause after "and now": "my leg is not swollen and now I cannot breathe"', () => {
    expect(assess('my leg is not swollen and now I cannot breathe').level).toBe('emergency');
  });

  it.each([
    ["can't catch my breath", 'emergency'],
    ['my foot has gone cold and white', 'emergency'],
    ['pins and needles in my legs with cramps', 'gp'],
    ['my calve is swolen and red', 'urgent'],
    ['i cant breath', 'emergency'],
    ['leg sweling and hot', 'urgent'],
    ['im pregant and my leg is red and swolen', 'urgent'],
  ] as const)('understands lay words and typos: "%s" → %s', (text, level) => {
    expect(assess(text).level).toBe(level);
  });

  it('does not mind word order', () => {
    expect(assess('hot and red and swollen, my calf').level).toBe('urgent');
    expect(assess('breathless, with a swollen calf').rules).toContain('E1');
  });

  it('tells one leg from both legs', () => {
    expect(assess('one leg is swollen').level).toBe('urgent');
    expect(assess('my left calf is swollen').level).toBe('urgent');
    expect(assess('both legs are swollen').level).toBe('gp');
    expect(assess('my ankles swell in the evening').level).toBe('gp');
    expect(assess('both legs are swollen and my left calf is red and hot').level).toBe('urgent');
  });

  it('combines context with a symptom: pregnancy or a recent birth, a statin, quinine', () => {
    expect(assess("I'm pregnant and have a bad headache").rules).toContain('U4');
    expect(assess('I have a bad headache').level).toBe('self_care');
    expect(assess('had a baby 2 weeks ago and my calf is red and throbbing').rules).toContain('U5');
    expect(assess("I'm on a statin and my muscles are weak").rules).toContain('U2');
    expect(assess('my muscles are weak').rules).not.toContain('U2');
    expect(assess('taking quinine, lots of bruising').rules).toContain('U3');
    expect(assess('lots of bruising').rules).not.toContain('U3');
    expect(assess("I'm not pregnant and I have a bad headache").rules).not.toContain('U4');
  });

  it('raises calf pain to urgent with a clot risk factor: a previous clot, a long flight, an operation', () => {
    expect(assess('I had a DVT before and my calf aches again').rules).toContain('U1');
    expect(assess('flew back from Thailand yesterday, calf really sore and tight').rules).toContain('U1');
    expect(assess('after my hip operation my calf hurts').rules).toContain('U1');
    expect(assess('I get cramps on long car journeys').level).toBe('self_care');
  });

  it('tells a cramp still going on from one that is over', () => {
    expect(assess("cramp in my calf that's lasted 15 minutes so far").rules).toContain('U7');
    expect(assess('I had a cramp last night that lasted 20 minutes, it is fine now').level).toBe('self_care');
    expect(assess('my cramps often last longer than 10 minutes').rules).toEqual(['G1']);
  });

  it('treats a general question about a medicine differently from someone taking it', () => {
    expect(assess('does atorvastatin cause cramps?').rules).not.toContain('U2');
    expect(assess("I'm on atorvastatin and getting cramps").rules).toContain('U2');
    expect(assess('is quinine any good for cramps?').level).toBe('self_care');
  });

  it('sends a quinine overdose to the emergency number', () => {
    expect(assess('took 4 quinine tablets by mistake')).toMatchObject({ level: 'emergency', rules: ['E0'] });
  });

  it('does not read everyday words as red flags', () => {
    for (const text of ["I'm confused, what's the difference between a cramp and a spasm?", 'red flags for leg cramps', 'my jaw locks when I yawn', 'my eye keeps twitching', "it's gone cold outside and I get cramps", 'I cut down on caffeine and still get cramps']) {
      expect([text, assess(text).level]).toEqual([text, 'self_care']);
    }
  });

  it('does not send everyday senses of alarming words to 999 or to same-day care', () => {
    for (const text of [
      'will my new trainers fit with thick socks',
      'my arm went dead because I slept on it funny',
      'I grind my teeth at night and my jaw aches in the morning',
      "I've had hiccups for an hour now, is that normal",
      'I had a heart attack in 2019, and my calves cramp at night lately',
      'the spare room is so cramped, will a mirror make it look bigger',
      'jaw feels tight and clicks when I wake up, am I grinding my teeth',
      'neck seized up after sleeping funny, can\'t turn my head',
      'my calf aches like it is full of lead shot when I walk far',
      'heat cramps at work, I rested in a cool room and I am alright now',
      'should I use ice or heat on my calf cramp',
      'got a dead leg at football, ice or heat?',
      'my fitness app says my VO2 max went down this month, what does that mean',
      'my weight went down and my cramps got better',
      'the swelling went down overnight and the cramp has gone',
    ]) {
      expect([text, ['emergency', 'urgent'].includes(assess(text).level)]).toEqual([text, false]);
    }
  });

  it('still takes someone who "went down" and does not answer as a collapse', () => {
    expect(assess("my dad went down in the garden and isn't answering").level).toBe('emergency');
  });

  it("does not take an animal's twitching for the writer's, but still the writer's with it", () => {
    expect(assess('my dog paddles his legs and twitches in his sleep, is he dreaming').level).toBe('self_care');
    expect(assess("my leg muscles are twitching and so are my dog's").level).toBe('gp');
  });

  it('reads heat from the temperature of the day, and a temperature going up as getting worse', () => {
    expect(assess("It's 34 degrees today and I've stopped sweating").level).toBe('emergency');
    expect(assess("temperature of 39 for four days with achy legs and it's going up, not down").level).toBe('urgent');
  });

  it('takes a stiff jaw after a wound as tetanus even with an everyday reason, and a recent booster as protection', () => {
    expect(assess('stepped on a rusty nail last week, now my jaw is stiff, I thought I was grinding my teeth').level).toBe('emergency');
    expect(assess('jaw feels tight, I grind my teeth, and now I can hardly swallow').level).toBe('emergency');
    expect(assess('grazed my knee on the reef, cleaned it, and I had a tetanus booster last year').level).not.toBe('urgent');
    expect(assess('cut my shin on a rusty fence and I am not sure when I last had a tetanus jab').level).toBe('urgent');
    expect(assess('cut my shin on a rusty fence, had a tetanus booster last year, and now my calf keeps going into spasms').level).toBe('urgent');
  });

  it('takes spreading as tetanus only when spasms, cramps or stiffness spread, and a tetanus jab never had as unprotected', () => {
    expect(assess('Period pain going round into my lower back, is that normal').level).not.toBe('emergency');
    expect(assess('cut my foot on a rusty nail, now the cramps are spreading into my back').level).toBe('emergency');
    expect(assess('step on nail at construction site, wound deep, I think never have tetanus injection').level).toBe('urgent');
  });

  it('reads a medicine by its brand or class, a temperature said as a number, and "28 weeks" after an apology', () => {
    expect(assess('Started Istin for my blood pressure 5 days ago', 'since then I get cramps in my legs at night, nothing else').level).toBe('gp');
    expect(assess("sauna and a water cut before a show, cramping all over, I'm at 40.1 and very dizzy").level).toBe('emergency');
    expect(assess('ran 40.2 km in the heat, calves cramped, fine after a drink').level).toBe('self_care');
    expect(assess('Sorry, 28 weeks and cramping at night', 'today my face and hands have suddenly puffed up').level).toBe('urgent');
  });

  it('reads a bite told as "got bit by", text speak, a club as heat and feeling very unwell with a temperature', () => {
    expect(assess("Got bit on the leg by me neighbour's dog, it's quite deep, and I can't remember when I last had a tetanus jab").level).toBe('urgent');
    expect(assess('got a bit of cramp in my hamstring on the leg press that went with a stretch').level).toBe('self_care');
    expect(assess('crmp in calf 25 mins stll nt gng, strtchd n walkd').level).toBe('urgent');
    expect(assess('clubbing all night, cramps everywhere, took my temp and its 40.3').level).toBe('emergency');
    expect(assess('I have fever from 2 days', 'also cramp in my legs, I feel very very bad and weak, I can only lie in bed').level).toBe('urgent');
  });

  it('does not take a laugh, the weather or a belly for a red flag', () => {
    expect(assess('this cramp is killing me haha, dead leg in the night, gone after stretching').level).toBe('self_care');
    expect(assess('cramp in my foot while dancing at the club, collapsed onto a beanbag laughing, went after a minute').level).toBe('self_care');
    expect(assess('IBS cramping and bloating after coffee').level).toBe('self_care');
    expect(assess('thought I was dying lol, worst pain of my life at 4am, calf locked solid, lasted like 3 min then went when I stood on it').level).not.toBe('emergency');
  });

  it('reads a stroke, back pain and sudden swelling said in other words', () => {
    expect(assess('cramp in my leg since yesterday', 'now the mouth of my wife go down on one side and she cannot lift the arm').level).toBe('emergency');
    expect(assess('got pain in the back, really strong, and today I wet myself').level).toBe('emergency');
    expect(assess('pain in the back of my calf after a run, went with a stretch').level).toBe('self_care');
    expect(assess('34 weeks pregnant, my ankles have been swollen for a while. Then my hands came up all of a sudden').level).toBe('urgent');
  });

  it('does not take "dead" for very, fitting furniture, a seatbelt or a horse for a red flag', () => {
    expect(assess('had a dead sore cramp in my calf this morning, gone now').level).toBe('self_care');
    expect(assess('fitting new legs on the coffee table this weekend').level).toBe('self_care');
    expect(assess('my seatbelt sits tight across my chest, how do I loosen it').level).toBe('self_care');
    expect(assess("our pony's hind leg is swollen above the hoof").level).toBe('self_care');
    expect(assess('my son is fitting on the floor and will not wake').level).toBe('emergency');
  });

  it('reads one swollen leg as one leg, note form, and a question answered "no, none of that"', () => {
    expect(assess('I have a swollen leg since yesterday, it aches').rules).toContain('U1');
    expect(assess('swollen ankle since Sunday, no injury').rules).toContain('U1');
    expect(assess('both ankles swollen at the end of the day').level).toBe('gp');
    expect(assess("back from Spain / L calf throbbing / warm + bit swollen / won't stretch off / breathing fine").level).toBe('urgent');
    expect(assess('> any chest pain or breathlessness? no, none of that, just a calf cramp that went').level).toBe('self_care');
  });

  it('reads a face falling on one side as a stroke, and a car "having a fit" or a hot sports hall as nothing', () => {
    expect(assess('he had cramps in the legs all day, now his face is falling on one side and he cannot speak right').level).toBe('emergency');
    expect(assess('car judders and lurches when I change gear, like it is having a fit').level).toBe('self_care');
    expect(assess('after badminton in hot hall, leg cramp, rest under fan, 20 min and okay now').level).toBe('self_care');
  });

  it('gives nightly cramps that "have gone on for 15 minutes" a GP, and one going on now same-day help', () => {
    expect(assess('foot cramps every night, stretching does not help and some of them have gone on for 15 minutes').rules).not.toContain('U7');
    expect(assess('foot cramps every night, this one has gone on for 15 minutes now and stretching does not help').rules).toContain('U7');
  });

  it('does not take hearsay about statins, a cramp twisting the foot or "not confused and breathing okay" for more', () => {
    expect(assess("my mate says statins give you cramps, is that true").level).toBe('self_care');
    expect(assess("I'm on atorvastatin and my calves ache, my GP says statins can give you cramps").rules).toContain('U2');
    expect(assess('woke with my foot all twisted with cramp, toes curled up, eased when I stood on it').level).toBe('self_care');
    expect(assess('he has a fever and leg cramps, shivery and feels awful, not confused and breathing okay').level).not.toBe('emergency');
    expect(assess('got cramps loading bags in the heat, sat down with water and they went').rules).not.toContain('G1');
  });

  it('does not take "having a catheter fitted" for a fit, a graze that is infected for compartment syndrome, or a thigh "having a heart attack" for chest pain', () => {
    expect(assess('bladder spasms after having a catheter fitted').level).not.toBe('emergency');
    expect(assess('my son is having a fit on the floor').level).toBe('emergency');
    expect(assess('grazed my knee coming off the ladder, now it is swollen, weeping and the redness is creeping up my thigh').level).toBe('urgent');
    expect(assess('my thigh seized up like it was having a heart attack lol, just a cramp, went in a minute').level).toBe('self_care');
    expect(assess('been getting cramps, some last over 10 minutes, none just now').rules).not.toContain('U7');
  });

  it('reads "me nan" as the writer\'s nan, so her nightly cramps are hers', () => {
    expect(assess("me nan's having cramps in her feet every night, waking her up, nothing else wrong").rules).toContain('G1');
  });

  it('does not read period cramps that spread as tetanus, or a cramp gone in seconds as sudden severe pain', () => {
    expect(assess('my period cramps spread right round into my back, is that normal').level).not.toBe('emergency');
    expect(assess('calf exploded mid run, worst pain of my life, stretched it and it was gone in a minute').level).toBe('self_care');
  });

  it('screens a 10,000-character message to its end', () => {
    const padding = 'I have had leg cramps on and off and wanted to ask about stretching exercises. '.repeat(130);
    const text = `${padding}Also my left calf is swollen and now I cannot catch my breath.`;
    expect(text.length).toBeGreaterThan(10_000);
    const result = assess(text);
    expect(result.level).toBe('emergency');
    expect(result.rules).toContain('E1');
  });

  it('screens text far beyond 10,000 characters at its start and its end', () => {
    const padding = 'Just some background about my cramps. '.repeat(3000);
    expect(assess(`I cannot breathe. ${padding}`).level).toBe('emergency');
    expect(assess(`${padding} I cannot breathe.`).level).toBe('emergency');
  });
});

describe('a conversation', () => {
  it('sends an emergency reply when a swollen calf comes with breathlessness in a later message', () => {
    const result = assess('my calf is swollen and red', 'now I can\'t breathe');
    expect(result.level).toBe('emergency');
    expect(result.rules[0]).toBe('E1');
  });

  it('combines pregnancy in one message with a red leg in another', () => {
    expect(assess("I'm 30 weeks pregnant", 'my left leg is red and sore').rules).toContain('U5');
  });

  it('does not let an earlier general question hide a later personal statement', () => {
    expect(assess('does atorvastatin cause cramps?', "I'm on it and my muscles ache all the time").rules).toContain('U2');
  });

  it('keeps the level of the conversation when the newest message adds nothing (the bot says it once)', () => {
    expect(assess('my calf is swollen and red', 'thanks').level).toBe('urgent');
    expect(assess("I can't breathe", 'ok').rules).toEqual(['E0']);
  });

  it('takes a correction of the side without losing the red flag', () => {
    expect(assess('right calf swollen and painful since my op last week', 'sorry I meant left leg not right', 'no chest pain').rules).toContain('U1');
  });

  it('reads a cramp at one clock time and "still there" at a later one in the next message as a cramp that will not ease', () => {
    expect(assess('got a cramp in my right calf at 2am', "it's 3am now and the knot is still there, walking on it doesn't help").rules).toContain('U7');
    expect(assess('got a cramp in my right calf at 2am', "it's 3am now and it's gone, just a bit sore").level).toBe('self_care');
  });

  it('reads a message that names no one as going on about the person the message before it was about', () => {
    expect(assess('my grandad had a fall last night and lay there for hours', "he's so weak and his muscles ache", 'wee has gone dark brown').rules).toContain('U2b');
  });

  it('lets a later message take back an earlier finding', () => {
    expect(assess('my calf is swollen', "sorry, it isn't swollen, it's just red", 'and I cannot breathe').rules).not.toContain('U1');
  });

  it('keeps the earlier messages\' red flag when the newest only asks about it ("is that normal?")', () => {
    expect(assess('Quick one about my quinine', 'my ears have been ringing since last week', 'is that normal?').rules).toContain('U3');
    expect(assess('on atorvastatin', 'my muscles ache all over and my pee is dark', 'should that worry me?').rules).toContain('U2');
    expect(assess('is it normal to get cramps every night?').level).toBe('self_care');
  });

  it('reads a part of a sentence that only takes back the part before it', () => {
    expect(assess("felt like i was gonna pass out from the heat, didn't though, 25 mins in the shade and i'm fine").level).toBe('self_care');
    expect(assess("my leg's proper swollen ha, not really, it's just a bit sore after a cramp in the night").level).toBe('self_care');
    // Not a part that says more than that.
    expect(assess('my calf is swollen, not really painful though').rules).toContain('U1');
    expect(assess('I collapsed, not really sure why').level).toBe('emergency');
  });

  it('needs a leg, a pain or a cramp for something that has "gone on for a week"', () => {
    expect(assess("I've had a cough for a week and now I'm a bit breathless").level).toBe('self_care');
    expect(assess('34 weeks pregnant, heartburn since monday').level).toBe('self_care');
    expect(assess('34 weeks pregnant, calf still tender').rules).toContain('U5');
    expect(assess('the pain is still there and now i am breathless').rules).toContain('E1');
  });

  it('does not read a medicine taken unchanged for years as a new cause of cramps', () => {
    expect(assess("I've been on the same blood pressure tablets for ten years with no changes. Had a cramp last night, it went with stretching").rules).not.toContain('G5');
    expect(assess('since starting water tablets I get cramps').rules).toContain('G5');
  });

  it('gives a child\'s fever with a rash that does not fade the 999 reason, not heatstroke\'s', () => {
    const result = assess('my daughter is 4 and has been complaining her legs hurt', "she is really hot now 39.4 and has little purple dots on her legs that don't fade when i press a glass on them");
    expect(result).toMatchObject({ level: 'emergency', aboutChild: true });
    expect(result.rules).not.toContain('E5');
    expect(result.advice).toContain('a rash that does not fade when you press a glass on it');
  });

  it('does not read a jaw that tightens when driving or singing as lockjaw', () => {
    expect(assess('jaw keeps clenching and cramping when I drive in traffic').level).toBe('self_care');
    expect(assess('stepped on a rusty nail last week and now my jaw is tight when i try to eat').rules).toContain('E4');
  });

  it('reads a short list answered "no" after a dash ("re: any numbness or cold foot - no, …")', () => {
    expect(assess('quick question', "re: any numbness or cold foot - no, foot's warm and pink. it was a cramp in my arch that lasted a minute").level).toBe('self_care');
    expect(assess('chest pain or breathless - no. calf swollen - yes').rules).toEqual(expect.arrayContaining(['U1']));
    expect(assess('chest pain or breathless - no. calf swollen - yes').level).toBe('urgent');
  });

  it('keeps someone else\'s GP reasons when the writer only says how the cramps go ("they go off with stretching")', () => {
    expect(assess("Mum's 83 and lives with us", "she's getting cramps most nights now, wakes the whole house up", "they go off with stretching but she's exhausted").rules).toContain('G1');
  });

  it('does not read another part of the body that will not stop as a cramp that will not ease', () => {
    expect(assess('eyelid wont stop twitching after staring at monitors all night').level).toBe('self_care');
    expect(assess("my calf cramp won't stop, it's been going half an hour").rules).toContain('U7');
  });

  it('does not let an aside in brackets change whose the words after it are', () => {
    expect(assess("my wife (I'm a woman) is on quinine the GP gave her for cramps", "she's saying there's ringing in her ears all day now").rules).toContain('U3');
  });

  it('does not read a bike saddle or an arm held up as a nerve or a stroke sign', () => {
    expect(assess('my saddle is making me numb down there after 2 hours, which saddle shape should I try').level).not.toBe('emergency');
    expect(assess('arm goes dead holding a torch up in the loft, pins and needles in me fingers').level).toBe('self_care');
    expect(assess('numb down there and my back hurts').rules).toContain('E6');
    expect(assess('my arm went dead and my face is drooping').rules).toContain('E0');
  });

  it('reads a medicine taken "for his cramps" as his', () => {
    expect(assess("We're on quinine for his cramps. He says his ears have been ringing and things look blurry since last week.").rules).toContain('U3');
  });

  it('reads spasms that spread from a wounded leg, and a bakehouse\'s heat', () => {
    expect(assess("my dad is 70 and cut his foot on a garden fork last week. the spasms started in his leg but now they're in his back and tummy too").rules).toContain('E4');
    expect(assess('been on the ovens all shift, 38 in the bakehouse, got bad cramps in both legs. sat outside in the cool and drank water for 40 mins and still feel terrible').rules).toContain('E5');
  });

  it('gives the highest level when several rules fire', () => {
    const result = assess("I'm on a statin, my muscles ache and I have chest pain");
    expect(result.level).toBe('emergency');
    expect(result.rules.slice(0, 1)).toEqual(['E0']);
    expect(result.rules).toContain('U2');
  });

  it('returns self_care with no rules and no advice for nothing, an empty message or only emoji', () => {
    for (const messages of [[], [''], ['👍🙂'], ['   ']]) {
      const result = engine.assess(messages);
      expect(result).toMatchObject({ level: 'self_care', rules: [], advice: '' });
    }
  });
});

describe('advice', () => {
  it('starts an emergency with the instruction, then gives the reason as a possible sign', () => {
    const { advice } = assess('my calf is swollen and I cannot breathe');
    expect(advice.startsWith("Call 999 now or go to A&E. Don't drive yourself.")).toBe(true);
    expect(advice).toContain('could be a sign of');
    expect(findSafetyProblems(advice)).toEqual([]);
  });

  it('starts urgent and gp advice with the instruction for the level', () => {
    expect(assess('my calf is swollen and hot').advice).toMatch(/^Get help today: call NHS 111 or ask for an urgent GP appointment\./);
    expect(assess('cramps every night').advice).toMatch(/^Book an appointment with your GP\./);
  });

  it('gives the NHS statin advice (paraphrased, not quoted) and the MHRA quinine wording, and sends the person to a doctor or 111 now', () => {
    const statin = assess("I'm on simvastatin and my muscles ache").advice;
    expect(statin).toContain('say to stop taking the statin and call 111 or a doctor straight away');
    expect(statin).not.toContain('"');
    expect(statin).toContain('contact a doctor or NHS 111 now');
    const quinine = assess("I'm on quinine and I'm bruising").advice;
    expect(quinine).toContain('"stop treatment and consult a physician');
    expect(findSafetyProblems(statin)).toEqual([]);
    expect(findSafetyProblems(quinine)).toEqual([]);
  });

  it('gives self-care advice for a typical cramp, without an instruction to see anyone', () => {
    const result = assess('I had a cramp in my calf last night');
    expect(result).toMatchObject({ level: 'self_care', rules: ['S1'] });
    expect(result.advice).toMatch(/^Most leg cramps are harmless/);
  });

  it('names its NHS sources for the level', () => {
    expect(assess('my calf is swollen and hot').sources).toEqual([
      { title: 'NHS: Deep vein thrombosis (DVT)', url: 'https://www.nhs.uk/conditions/deep-vein-thrombosis-dvt/' },
      { title: 'NHS: Pulmonary embolism', url: 'https://www.nhs.uk/conditions/pulmonary-embolism/' },
    ]);
  });
});

describe('regions', () => {
  it.each([
    ['uk', '999', 'NHS 111', 'GP', "Call 999 now or go to A&E. Don't drive yourself."],
    ['ie', '112 or 999', 'your GP out-of-hours service', 'GP', 'Call 112 or 999 now'],
    ['us', '911', 'urgent care', 'doctor', 'Call 911 now'],
    ['eu', '112', 'the out-of-hours doctor service', 'doctor', 'Call 112 now'],
  ] as const)('%s: emergency %s, urgent %s, routine %s', (region, emergencyNumber, urgentService, doctor, instruction) => {
    const regional = loadTriageEngine(CORPUS_DIR, region);
    expect(regional.services).toMatchObject({ region, emergencyNumber, urgentService, doctor });
    expect(regional.services.emergencyLine).toContain(emergencyNumber);
    expect(regional.assess(["I can't breathe"]).advice.startsWith(instruction)).toBe(true);
    expect(regional.assess(['my calf is swollen and red']).advice).toContain(`call ${emergencyNumber}`);
  });

  it('covers every REGION the configuration accepts', () => {
    for (const region of REGIONS) expect(() => loadTriageEngine(CORPUS_DIR, region)).not.toThrow();
  });

  it('refuses an unknown region instead of defaulting', () => {
    expect(() => loadTriageEngine(CORPUS_DIR, 'fr' as Region)).toThrow(UnknownRegionError);
    expect(() => loadTriageEngine(CORPUS_DIR, 'fr' as Region)).toThrow(/unknown region "fr"/);
  });
});

describe('the rule-set version', () => {
  it('is a date-stamped string carried by every result and triage entity', () => {
    expect(engine.ruleSetVersion).toMatch(/^\d{4}-\d{2}-\d{2}/);
    for (const result of [assess('hello'), assess("I can't breathe"), engine.assessAnswers({ one_leg: 'yes' })]) {
      expect(result.ruleSetVersion).toBe(engine.ruleSetVersion);
      expect(triageEntity(result)).toEqual({ type: 'triage', level: result.level, rules: result.rules, ruleSetVersion: engine.ruleSetVersion });
    }
  });
});

describe('red-flag questions for the guide', () => {
  const questions = engine.questions();

  it('asks the most severe first: every emergency question, then urgent, then gp', () => {
    const levels = questions.map((question) => rank(question.level));
    expect(levels).toEqual([...levels].sort((a, b) => b - a));
    expect(questions[0]!.level).toBe('emergency');
    expect(new Set(questions.map((question) => question.level))).toEqual(new Set(['emergency', 'urgent', 'gp']));
  });

  // U17 is about a child, and the guide asks the writer about themselves (a child is signposted, not guided). U21 is a
  // child's signs of diabetes, or a ketone reading that only someone with diabetes who tests takes and says unasked:
  // asking every writer about ketones would lengthen the guide for everyone else. So would asking about a blood thinner
  // with bruising (U22), sickle cell disease (U23, E9) or a band of blisters (U24), or a child's unexplained bruising
  // with a temperature (U25), or a child's temperature that has lasted five days (U26), a leg that takes no weight with a
  // temperature (U27), itching in pregnancy (U28), breathlessness lying flat with swollen legs (U29), a baby's temperature under 3 months
  // (U30) or a tick bite's rash (G16): whoever has them says so unasked.
  it('covers every emergency, urgent and gp rule about the writer', () => {
    const covered = new Set(questions.flatMap((question) => question.rules));
    const saidUnasked = ['E9', 'U17', 'U21', 'U22', 'U23', 'U24', 'U25', 'U26', 'U27', 'U28', 'U29', 'U30', 'G16'];
    for (const rule of engine.catalogue!().filter((r) => r.level !== 'self_care' && !saidUnasked.includes(r.id))) expect(covered).toContain(rule.id);
  });

  it('gives the question\'s level for "yes" and self_care when everything is "no"', () => {
    expect(engine.assessAnswers({ breathing: 'yes' })).toMatchObject({ level: 'emergency', rules: ['E1', 'E0'] });
    expect(engine.assessAnswers({ one_leg: 'yes', frequent: 'yes' }).level).toBe('urgent');
    expect(engine.assessAnswers(Object.fromEntries(questions.map((question) => [question.id, 'no'])))).toMatchObject({
      level: 'self_care',
      rules: [],
      advice: '',
    });
  });

  it('escalates "not sure" one level: an unsure emergency question gives urgent, an unsure urgent or gp question gives gp', () => {
    expect(engine.assessAnswers({ breathing: 'unsure' })).toMatchObject({ level: 'urgent', unsure: ['breathing'] });
    expect(engine.assessAnswers({ one_leg: 'unsure' }).level).toBe('gp');
    expect(engine.assessAnswers({ frequent: 'unsure' }).level).toBe('gp');
    expect(engine.assessAnswers({ breathing: 'unsure', cold_leg: 'yes' }).level).toBe('emergency');
  });

  it('starts the advice with the level\'s instruction', () => {
    expect(engine.assessAnswers({ cold_leg: 'yes' }).advice.startsWith("Call 999 now or go to A&E. Don't drive yourself.")).toBe(true);
    expect(engine.assessAnswers({ breathing: 'unsure' }).advice).toMatch(/^Get help today: call NHS 111/);
  });

  it('refuses an answer to a question it never asked', () => {
    expect(() => engine.assessAnswers({ nonsense: 'yes' })).toThrow(/unknown red-flag question/);
  });
});

describe('red-flag questions asked at once (ask_when)', () => {
  it('asks the question of a red flag whose signs are there but not confirmed, most severe first', () => {
    expect(assess('been working on the roof in the sun all day and now I keep being sick')).toMatchObject({ level: 'self_care', ask: ['heat'] });
    expect(assess('my sciatica is playing up and my calves keep cramping')).toMatchObject({ ask: ['back'] });
    expect(assess('my left calf is swollen and it keeps getting worse')).toMatchObject({ level: 'urgent', ask: ['injury'] });
    expect(assess('my calf is swollen and my foot has gone numb')).toMatchObject({ level: 'urgent', ask: ['injury'] });
    expect(assess('my shin is red and hot and I have a fever')).toMatchObject({ level: 'urgent', ask: ['infection'] });
    expect(assess('I have a high temperature and my legs keep cramping')).toMatchObject({ level: 'gp', ask: ['heat'] });
    expect(assess('agonising cramp in my calf for 20 minutes now')).toMatchObject({ level: 'urgent', ask: ['sudden_pain'] });
    // Gone, then back: what eased it no longer holds.
    expect(assess('it had gone within half an hour but now its back, worst pain ever and not stopping').ask).toEqual(['sudden_pain']);
  });

  it('reads the signs across messages, and asks only when the newest message gave one of them', () => {
    expect(assess('out in the heat all afternoon at the match', 'now I keep being sick').ask).toEqual(['heat']);
    expect(assess('I have sciatica', 'and my calves keep cramping at night').ask).toEqual(['back']);
    expect(assess('been working on the roof in the sun all day and now I keep being sick', 'can I have a cup of tea').ask).toBeUndefined();
  });

  it('does not ask when the rule itself fired, or when the signs are settled or not about a leg cramp', () => {
    expect(assess("been in the heat all day, I'm confused and not sweating")).toMatchObject({ level: 'emergency' });
    expect(assess("been in the heat all day, I'm confused and not sweating").ask).toBeUndefined();
    expect(assess('got cramps gardening in the heat, sat in the shade with water and 20 minutes later I feel fine').ask).toBeUndefined();
    expect(assess('period cramps and lower back pain every month').ask).toBeUndefined();
    expect(assess("I'm getting cold feet about the wedding").ask).toBeUndefined();
    // A bruise gone "black and blue" is no leg turning colour (fka-u25 of batch KA, since rule set 2026-12-06.142).
    expect(assess('my nan is on warfarin, she bumped her shin on the bed frame this afternoon and now it is black and blue and her calf is a bit swollen').ask).toBeUndefined();
    expect(assess('how long do you boil an egg for').ask).toBeUndefined();
  });

  // E6's bladder clause leaves a thirsty child losing weight and wetting the bed again to U21 (rule set .140); its question
  // must not follow U21's advice, and still comes with back pain or weak legs (since rule set 2026-12-06.142).
  it('does not ask about the back after the diabetes advice for a thirsty child wetting the bed again', () => {
    const child = 'my son is 11, always thirsty, wetting the bed again and losing weight, legs cramp at night';
    expect(assess(child)).toMatchObject({ level: 'urgent', rules: ['U21', 'G7'] });
    expect(assess(child).ask).toBeUndefined();
    expect(assess('my son is 11, always thirsty, wetting the bed again and losing weight', 'now his back hurts and his legs feel weak').level).toBe('emergency');
    expect(assess('I have sciatica', 'and I keep wetting the bed lately').level).toBe('emergency');
    expect(assess('my back aches and my legs keep cramping').ask).toEqual(['back']);
  });

  it('asks only about levels above the one given, and each question exists with a "yes" that gives its level', () => {
    const ids = new Set(engine.questions().map((question) => question.id));
    for (const text of ['my left calf is swollen and it keeps getting worse', 'my sciatica is playing up and my calves keep cramping']) {
      const result = assess(text);
      for (const id of result.ask ?? []) {
        expect(ids).toContain(id);
        expect(rank(engine.assessAnswers({ [id]: 'yes' }).level)).toBeGreaterThan(rank(result.level));
      }
    }
  });
});

describe('children are out of scope', () => {
  it.each(["my son's legs hurt at night", 'are these growing pains?', 'my 7 year old gets cramps', "I'm 12 and my legs ache", 'Im 14, got a cramp in my calf at football', "I'm 13. Cramp in my calf at swimming that won't go", 'daughter 8. cramp in her calf at bedtime'])(
    'flags "%s" for signposting instead of self-care',
    (text) => {
      expect(engine.aboutChild!(text)).toBe(true);
      const result = assess(text);
      expect(result.aboutChild).toBe(true);
      expect(result.advice).toBe(engine.services.childAdvice);
    },
  );

  it.each(['I had my son 3 weeks ago and my calf is swollen', "I'm 45 and get cramps", "I'm 20 weeks pregnant", "our kid's 32 and gets cramps", 'writing for my grandson who is 21, he has cramps in his legs', 'I am 12.5 weeks pregnant and my calf is sore'])(
    'does not flag "%s"',
    (text) => {
      expect(engine.aboutChild!(text)).toBe(false);
    },
  );

  // Northern English "our kid" is a brother or sister; a brother named first, then his age.
  it.each([
    ["our kid's 13, he were playing out all afternoon in the sun", 'came in with cramp in his legs, it went off in a quarter of an hour'],
    ['My brother he is 11 years old', 'he gets cramps in his calves at night'],
    ['my little brother (12) was at football camp', 'he got cramps in both legs'],
    ['our kid (13) got cramp in his calf at football', 'it went off when he stretched it'],
  ])('reads a brother or sister of an age under 16 as a child: "%s"', (...messages) => {
    const result = assess(...messages);
    expect(result).toMatchObject({ level: 'self_care', aboutChild: true, advice: engine.services.childAdvice });
  });

  // How it went is not a symptom of the writer's own: the child named before is still the one meant.
  it.each([
    ['it is about my grandson, he is 9', 'his calf went hard in the night, I rubbed it and it went after a few minutes'],
    ["Hello, it's about my daughter, she is 8", 'her calf was tight and hard in the night, I rubbed it and it eased after a few minutes'],
  ])('stays with a child when the writer says how the cramp went: "%s"', (...messages) => {
    expect(assess(...messages)).toMatchObject({ level: 'self_care', aboutChild: true, advice: engine.services.childAdvice });
  });

  it('reads "not sure she had all her baby jabs" as a child\'s jabs, not a birth', () => {
    const result = assess('my daughter is 6, she grazed her shin on the farm yesterday and I am not sure she had all her baby jabs');
    expect(result).toMatchObject({ level: 'urgent', aboutChild: true });
  });

  // U17 needs a limp or no weight on the leg and a fever: a cramp that stopped a child standing, or a limp after a knock
  // with no temperature, is still signposted.
  it.each([
    ['my son is 7, he got cramp in his calf at football and could not put weight on it for a minute, fine now'],
    ['my daughter is 9, she is limping a bit after a kick at netball, no temperature, running about'],
  ])('signposts a child\'s limp without a fever: "%s"', (text) => {
    expect(assess(text)).toMatchObject({ level: 'self_care', aboutChild: true, advice: engine.services.childAdvice });
  });

  it('asks for a doctor today for a child who limps with a fever', () => {
    const result = assess('my daughter is 6, she has been limping since yesterday and has a temperature of 38.6');
    expect(result).toMatchObject({ level: 'urgent', aboutChild: true });
    expect(result.rules).toContain('U17');
  });

  it('still gives a child emergency its emergency instruction', () => {
    const result = assess("my daughter collapsed and isn't responding");
    expect(result).toMatchObject({ level: 'emergency', aboutChild: true });
    expect(result.advice.startsWith('Call 999')).toBe(true);
  });
});
