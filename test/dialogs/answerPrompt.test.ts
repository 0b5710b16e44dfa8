import { loadBotMessages } from '../../src/cards/messages';
import { CORPUS_DIR } from '../../src/paths';
import { recognizeAnswers } from '../../dialogs/answerPrompt';
import { loadUnderstanding } from '../../src/understanding/understanding';

const messages = loadBotMessages(CORPUS_DIR, {});
const layer = loadUnderstanding(CORPUS_DIR);
const { questions, red_flag_choices: yesNo } = messages.guide;

describe('answers typed in the person’s own words', () => {
  it.each([
    ['yeah', 'yes'],
    ['yep, it is', 'yes'],
    ['nope', 'no'],
    ['nah', 'no'],
    ["no, I don't think so", 'no'],
    ['not sure', 'unsure'],
    ["I'm not really sure", 'unsure'],
    ['no idea', 'unsure'],
    ['dunno', 'unsure'],
    ['yes and no', 'unsure'],
  ])('reads "%s" to a warning-sign question as %s', (text, value) => {
    expect(recognizeAnswers(text, yesNo, false)).toEqual([value]);
  });

  it('does not guess at an answer it cannot read', () => {
    expect(recognizeAnswers('banana', yesNo, false)).toEqual([]);
    expect(recognizeAnswers('banana', questions.where.choices, false)).toEqual([]);
  });

  it('reads where and how long from a sentence, not from a number in it', () => {
    expect(recognizeAnswers('in the back of my leg', questions.where.choices, false)).toEqual(['calf']);
    expect(recognizeAnswers('my calve', questions.where.choices, false)).toEqual(['calf']);
    expect(recognizeAnswers('2 minutes maybe', questions.how_long.choices, false)).toEqual(['short']);
    expect(recognizeAnswers('over 10 minutes', questions.how_long.choices, false)).toEqual(['over_10']);
  });

  it('takes every trigger named, and none that is denied', () => {
    const triggers = questions.triggers.choices;
    expect(recognizeAnswers("I'm 20 weeks pregnant", triggers, true)).toEqual(['pregnancy']);
    expect(recognizeAnswers("I'm pregnant and I'm on statins", triggers, true).sort()).toEqual(['medicines', 'pregnancy']);
    // The negation's scope is the understanding layer's (the same as triage's).
    const text = "I'm not pregnant but I run a lot";
    expect(recognizeAnswers(text, triggers, true, layer.negatedWords(text))).toEqual(['exercise']);
    expect(recognizeAnswers('none of these', triggers, true)).toEqual(['none']);
    expect(recognizeAnswers('no', triggers, true)).toEqual(['none']);
  });

  it('reads "not now" as cramps that keep coming back, not as one happening now', () => {
    expect(recognizeAnswers('not now, they keep coming back', questions.pattern.choices, false)).toEqual(['recurring']);
    expect(recognizeAnswers("it's happening right now", questions.pattern.choices, false)).toEqual(['now']);
  });
});
