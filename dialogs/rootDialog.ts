import { ComponentDialog } from 'botbuilder-dialogs';
import type { Recognizer } from '../src/nlu/recognizer';
import type { TriageEngine } from '../src/triage/triage';
import type { KnowledgeBase } from '../src/knowledge/knowledgeBase';

export interface RootDialogDeps {
  recognizer: Recognizer;
  triage: TriageEngine;
  knowledge: KnowledgeBase;
}

/** Routes intents to answers and the guide; handles help, cancel and forget me at any step. */
export class RootDialog extends ComponentDialog {
  constructor(readonly deps: RootDialogDeps) {
    super('root');
  }
}
