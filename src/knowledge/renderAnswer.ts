import type { RegionServices } from '../triage/triage';
import type { Answer, Source } from './knowledgeBase';

/** What an answer's placeholders are filled with; anything missing gets a neutral wording. */
export interface RenderContext {
  services?: RegionServices;
  /** STATE_TTL_DAYS, for the `terms` answer. */
  stateTtlDays?: number;
}

/** Wording that is right in every region, for when the region's services are not known. */
const NEUTRAL: Record<Placeholder, string> = {
  emergencyNumber: 'the emergency number',
  emergencyLine: 'Chest pain or trouble breathing: call the emergency number now.',
  urgentService: 'an urgent care service',
  doctor: 'doctor',
  stateTtlDays: '30',
};

export const PLACEHOLDERS = ['emergencyNumber', 'emergencyLine', 'urgentService', 'doctor', 'stateTtlDays'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** The `{name}` placeholders in a text that are not ones `renderText` knows. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]).filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
}

/**
 * Fills `{emergencyNumber}`, `{emergencyLine}`, `{urgentService}`, `{doctor}` and `{stateTtlDays}`.
 *
 * @remarks The corpus is written for RegionServices values shaped like the UK ones: `emergencyNumber`
 * a number ("999"), `urgentService` a name that follows "contact" ("NHS 111", "urgent care"),
 * `doctor` a bare noun that follows "your" ("GP", "doctor").
 */
export function renderText(text: string, context: RenderContext = {}): string {
  const { services } = context;
  const values: Record<Placeholder, string> = {
    emergencyNumber: services?.emergencyNumber ?? NEUTRAL.emergencyNumber,
    emergencyLine: services?.emergencyLine ?? NEUTRAL.emergencyLine,
    urgentService: services?.urgentService ?? NEUTRAL.urgentService,
    doctor: services?.doctor ?? NEUTRAL.doctor,
    stateTtlDays: context.stateTtlDays === undefined ? NEUTRAL.stateTtlDays : String(context.stateTtlDays),
  };
  return text.replace(PLACEHOLDER, (whole, name: string) => ((PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : whole));
}

/** The answer with its placeholders filled for the given region services (and state TTL). */
export function renderAnswer(answer: Answer, context: RenderContext = {}): Answer {
  return { ...answer, text: renderText(answer.text, context), more: renderText(answer.more, context) };
}

/** The sources as Markdown links, "[NHS: Leg cramps](https://…) · [NICE CKS: Leg cramps](https://…)". */
export function sourceLinks(sources: readonly Source[]): string {
  return sources.map((source) => `[${source.title}](${source.url})`).join(' · ');
}
