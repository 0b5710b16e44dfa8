import { ActivityHandler, type ConversationState, type UserState } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import type { Recognizer } from './nlu/recognizer';
import type { TriageEngine } from './triage/triage';
import type { Logger } from './logger';

export interface CrampBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  rootDialog: Dialog;
  recognizer: Recognizer;
  triage: TriageEngine;
  logger: Logger;
}

/** One message's flow: triage → interruptions → recognizer → dialog → reply. */
export class CrampBot extends ActivityHandler {
  constructor(private readonly deps: CrampBotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity('crampbot is being built.'); // placeholder until the dialogs land
      await next();
    });
  }
}
