import type { Region } from '../config';
import type { TriageEngine } from './triage';

/** Loads corpus/triage.yml into a rule engine for the region. */
export function loadTriageEngine(corpusDir: string, region: Region): TriageEngine {
  void corpusDir;
  const none = { level: 'self_care' as const, rules: [], ruleSetVersion: 'draft', advice: '' };
  return {
    ruleSetVersion: 'draft',
    services: { region, emergencyNumber: '999', emergencyLine: 'Chest pain or trouble breathing: call 999 now.', urgentService: 'NHS 111', doctor: 'GP' },
    assess: () => none,
    questions: () => [],
    assessAnswers: () => none,
  }; // placeholder until the engine lands
}
