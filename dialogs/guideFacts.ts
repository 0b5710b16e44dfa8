import type { FactWords, GuideQuestion } from '../src/cards/messages';
import { HOW_LONG, HOW_OFTEN, TRIGGERS, type CrampFacts, type HowLong, type HowOften, type Site, type Trigger } from '../src/understanding/facts';

/**
 * How the guide's questions and the facts of src/understanding/facts.ts meet: which question a fact answers, the
 * button value a fact stands for, and the fact a button stands for. The facts are the truth; buttons are one way
 * of stating them.
 */

/** Whether the person has already said what this question asks. */
export function isKnown(question: GuideQuestion, facts: CrampFacts): boolean {
  switch (question) {
    case 'pattern':
      return facts.now !== null;
    case 'where':
      return facts.site !== null;
    case 'how_long':
      return facts.howLong !== null;
    case 'how_often':
      return facts.howOften !== null;
    case 'triggers':
      return factorsOf(facts).length > 0;
  }
}

const SITE_CHOICE: Record<Site, string> = { calf: 'calf', shin: 'calf', foot: 'foot', thigh: 'thigh', hamstring: 'thigh' };
const TRIGGER_CHOICE: Partial<Record<Trigger, string>> = {
  pregnancy: 'pregnancy',
  exercise: 'exercise',
  statin: 'medicines',
  diuretic: 'medicines',
  other_medicine: 'medicines',
  dehydration: 'fluids',
};

/** The answer (button values) a message's facts give to a question, if they give one. */
export function answerFromFacts(question: string, said: Partial<CrampFacts>): string[] | undefined {
  switch (question) {
    case 'pattern':
      return said.now === undefined || said.now === null ? undefined : [said.now ? 'now' : 'recurring'];
    case 'where':
      return said.site ? [SITE_CHOICE[said.site]] : undefined;
    case 'how_long':
      return said.howLong ? [said.howLong] : undefined;
    case 'how_often':
      return said.howOften ? [said.howOften] : undefined;
    case 'triggers': {
      const values = (said.triggers ?? []).map((trigger) => TRIGGER_CHOICE[trigger] ?? trigger);
      return values.length > 0 ? [...new Set(values)] : undefined;
    }
    default:
      return undefined;
  }
}

/** The facts after the person answered a question with these button values ("not sure" leaves the fact unknown). */
export function recordAnswer(question: GuideQuestion, values: readonly string[], facts: CrampFacts): CrampFacts {
  const value = values[0];
  switch (question) {
    case 'pattern':
      return value === 'now' || value === 'recurring' ? { ...facts, now: value === 'now' } : facts;
    case 'where':
      // The buttons say calf, foot, or thigh-or-elsewhere: a site said in words ("hamstring", "shin") is kept.
      return value === 'calf' || value === 'foot' || value === 'thigh' ? { ...facts, site: facts.site && SITE_CHOICE[facts.site] === value ? facts.site : value } : facts;
    case 'how_long':
      return (HOW_LONG as readonly (string | undefined)[]).includes(value) ? { ...facts, howLong: value as HowLong } : facts;
    case 'how_often':
      return (HOW_OFTEN as readonly (string | undefined)[]).includes(value) ? { ...facts, howOften: value as HowOften } : facts;
    case 'triggers': {
      const triggers = new Set<Trigger>(facts.triggers);
      const other = new Set(facts.otherFactors ?? []);
      for (const picked of values) {
        if (picked === 'medicines' && !facts.triggers.some((trigger) => TRIGGER_CHOICE[trigger] === 'medicines')) triggers.add('other_medicine');
        else if (picked === 'fluids') triggers.add('dehydration');
        else if ((TRIGGERS as readonly string[]).includes(picked)) triggers.add(picked as Trigger);
        else if (picked === 'sitting' || picked === 'condition') other.add(picked);
      }
      return { ...facts, triggers: TRIGGERS.filter((trigger) => triggers.has(trigger)), ...(other.size ? { otherFactors: [...other] } : {}) };
    }
  }
}

/** Each fact in words ("calf", "at night"), undefined where it is not known. */
export function factWords(facts: Partial<CrampFacts>, words: FactWords) {
  return {
    now: facts.now === true || facts.now === false ? words.now[String(facts.now) as 'true' | 'false'] : undefined,
    site: facts.site ? words.site[facts.site] : undefined,
    when: facts.when ? words.when[facts.when] : undefined,
    howLong: facts.howLong ? words.how_long[facts.howLong] : undefined,
    howOften: facts.howOften ? words.how_often[facts.howOften] : undefined,
  };
}

/** The person's triggers and other factors, in the order the advice gives them. */
export function factorsOf(facts: Partial<CrampFacts>): string[] {
  return [...(facts.triggers ?? []), ...(facts.otherFactors ?? [])];
}

/** "calf, at night, keeps coming back; you take a diuretic": what is known, in words, or '' when nothing is. */
export function factsInWords(facts: Partial<CrampFacts>, words: FactWords): string {
  const said = factWords(facts, words);
  const parts = [said.site, said.when, said.now, said.howLong, said.howOften].filter(Boolean);
  const factors = factorsOf(facts).map((factor) => words.triggers[factor]).filter(Boolean);
  return [parts.join(', '), factors.join(', ')].filter(Boolean).join('; ');
}
