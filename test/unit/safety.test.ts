import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CORPUS_DIR } from '../../src/paths';
import { REGIONS } from '../../src/config';
import { loadTriageEngine } from '../../src/triage/loadTriageEngine';
import { ANSWER_TOPICS } from '../../src/knowledge/knowledgeBase';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { findSafetyProblems } from '../../src/knowledge/safetyScan';


describe('every knowledge answer passes the safety scan in every region', () => {
  const knowledge = loadKnowledgeBase(CORPUS_DIR);
  const cases = REGIONS.flatMap((region) => ANSWER_TOPICS.map((topic) => [topic, region] as const));
  it.each(cases)('%s in %s (short and "tell me more")', (topic, region) => {
    const answer = knowledge.answer(topic, loadTriageEngine(CORPUS_DIR, region).services)!;
    expect(findSafetyProblems(answer.text)).toEqual([]);
    expect(findSafetyProblems(answer.more)).toEqual([]);
  });
});

describe('no file in corpus/ names a dose, not even in a user\'s words', () => {
  const files = readdirSync(CORPUS_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(CORPUS_DIR, join(entry.parentPath, entry.name)));
  it.each(files)('%s', (name) => {
    const text = readFileSync(join(CORPUS_DIR, name), 'utf8');
    const doses = findSafetyProblems(text).filter((problem) => problem.startsWith('dose'));
    expect(doses).toEqual([]);
  });
});

describe('findSafetyProblems', () => {
  const flags = (text: string, kind: string) => expect(findSafetyProblems(text).join('\n')).toContain(kind);
  const passes = (text: string) => expect(findSafetyProblems(text)).toEqual([]);

  describe('doses', () => {
    it.each([
      'Take 300 mg of magnesium every night.',
      'Try 300mg magnesium.',
      'A dose of 1.5 g helps.',
      'Use 5 ml before bed.',
      'Vitamin D 1000 IU daily.',
      '200–500 mg of quinine',
      '10 mmol of potassium',
      'take two tablets at bedtime',
      'two puffs of your inhaler',
      '400 micrograms',
    ])('flags "%s"', (text) => flags(text, 'dose'));

    it.each([
      'Cramps last from a few seconds to 10 minutes.',
      'Hold for 2 or 3 seconds, 3 times a day.',
      'About a third of people over 60; 40% get three or more a week.',
      'Call 999 or NHS 111.',
      'Deleted after 30 days without activity.',
    ])('lets "%s" through', passes);
  });

  describe('prescription medicines and quinine', () => {
    it.each([
      'Ask your GP for quinine.',
      'ask a doctor about quinine tablets',
      'You could take quinine at night.',
      'Try baclofen or gabapentin.',
      'Ask your doctor if you can have quinine.',
      'Your GP may prescribe quinine.',
      'Quinine can help with night cramps.',
    ])('flags "%s"', (text) => flags(text, 'prescription medicine suggested'));

    it.each([
      'Quinine is not recommended for routine use because of serious side effects (MHRA).',
      'If cramps disturb your sleep, a GP can discuss options with you.',
      "Don't take quinine that was prescribed for someone else.",
      'Because you take quinine and have unexplained bruising, contact a doctor or NHS 111 now.',
    ])('lets "%s" through', passes);
  });

  describe('supplements', () => {
    it.each([
      'Try magnesium for 2–3 months.',
      'Take magnesium before bed.',
      'start taking vitamin B',
      'Magnesium helps with night cramps.',
      'Tonic water can prevent cramps.',
    ])('flags "%s"', (text) =>
      flags(text, 'supplement presented as a treatment'),
    );
    it.each([
      'Check with your pharmacist before you try magnesium.',
      "Magnesium probably doesn't help.",
      'Supplements can interact with medicines.',
    ])('lets "%s" through', passes);
  });

  describe('diagnosis and playing symptoms down', () => {
    it.each([
      ['You have DVT.', 'diagnosis'],
      ["It sounds like you've got a blood clot.", 'diagnosis'],
      ['You probably have restless legs syndrome.', 'diagnosis'],
      ['Good news: you have night cramps.', 'diagnosis'],
      ["You don't have DVT.", 'diagnosis'],
      ["It's just a cramp.", 'plays a symptom down'],
      ['This is nothing to worry about.', 'plays a symptom down'],
    ])('flags "%s"', (text, kind) => flags(text, kind));

    it.each([
      'If you have kidney disease, check with your GP first.',
      'This could be a sign of a blood clot (DVT), which needs checking today.',
      'Do you have swelling in one leg?',
      'When you have a cramp, stretch the muscle.',
    ])('lets "%s" through', passes);
  });

  describe('stopping or changing a medicine', () => {
    it.each([
      'Stop taking your statin.',
      'If your muscles ache, stop taking atorvastatin.',
      'You should stop your water tablets.',
      'Stop the quinine.',
      'Reduce your dose.',
      // A quote needs its NHS/MHRA attribution: this one has none.
      'My friend says "stop taking it and call a doctor".',
    ])('flags "%s"', (text) => flags(text, 'tells someone to stop or change a medicine'));

    it.each([
      "Don't stop a prescribed medicine on your own: talk to your GP or pharmacist.",
      'Do not stop taking a prescribed medicine without talking to your GP.',
      'The NHS statin pages say to "stop taking [the statin] and call 111 or a doctor straight away if you get unexplained muscle pain, tenderness, weakness or cramps".',
      'The MHRA says patients should \u201cstop treatment and consult a physician\u201d if they get unexplained bruising.',
    ])('lets "%s" through', passes);

    it('does not accept an NHS quote that sends nobody to a clinician', () => {
      flags('The NHS says "stop taking statins".', 'tells someone to stop or change a medicine');
    });
  });

  describe('who the bot is and what it cites', () => {
    it('flags a claim to be a clinician or a person', () => {
      flags("I'm a doctor, so trust me.", 'claims to be a person or clinician');
      flags('I am a real person.', 'claims to be a person or clinician');
      passes("I'm an automated assistant, not a doctor or nurse.");
    });

    it('flags mirrors and non-NHS/NICE links, and accepts the real pages', () => {
      flags('See https://www.doctoori.net/health-information/leg-cramps', 'untrusted source');
      flags('[NHS](https://developer.api.nhs.uk/widgets/condition/?condition=/conditions/leg-cramps/)', 'untrusted source');
      flags('[Leg cramps](https://www.healthline.com/leg-cramps)', 'untrusted source');
      passes('Source: [NHS: Leg cramps](https://www.nhs.uk/conditions/leg-cramps/)');
      passes('[MHRA](https://www.gov.uk/drug-safety-update/quinine-not-to-be-used-routinely-for-nocturnal-leg-cramps)');
    });
  });

  it('reports each problem with the words that matched', () => {
    expect(findSafetyProblems('Take 300 mg of magnesium. You have DVT.')).toEqual(
      expect.arrayContaining(['dose: "300 mg"', 'diagnosis: "You have DVT"']),
    );
  });
});
