/**
 * The recognizer's test sentences. None may be in corpus/nlu.yml (a test checks): a test sentence in the training
 * data measures memory, not understanding.
 */
export const UNDERSTOOD: Array<[string, string]> = [
  ['charley horse in my calf wat do i do', 'relief_now'],
  ['ow ow calf locked wat do i do', 'relief_now'],
  ['magnisium??', 'supplements'],
  ['is it my statins', 'medications'],
  ['does my water tablet cause this', 'medications'],
  ['hiya crampbot, you there', 'greeting'],
  ['forget all about me', 'forget_me'],
  ['start all over again please', 'cancel'],
  ['my calve seized up in bed wat do i do', 'relief_now'],
  ['does my water pill cause cramps', 'medications'],
  ['do statns cause cramp', 'medications'],
  ['quinnine for cramps?', 'quinine'],
  ['why do i keep getting cramps at night', 'triggers'],
  ['stretches to stop cramps coming back', 'prevention'],
  ['should i see my gp about these cramps', 'see_doctor'],
  ['how common are leg cramps in older people', 'how_common'],
  ['what sort of things can you do', 'help'],
  ['thanks that is all', 'goodbye'],
  ['erase what you know about me', 'forget_me'],
  ['is ibuprofen any good for leg cramps', 'relief_now'],
  ['what painkiller should i take for a calf cramp', 'relief_now'],
];

export const OUT_OF_SCOPE: string[] = [
  'my stomach cramps on my period',
  "writer's cramp in my hand",
  'what is the weather like tomorrow',
  'period cramps are awful this month',
  'my hand cramps when i write',
  'i have a pounding headache',
  'my lower back is killing me',
  'my son gets leg cramps at night, what should i do',
  'are growing pains normal in children',
  'book me a table for tonight',
];
