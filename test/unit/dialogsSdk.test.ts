import * as botbuilder from 'botbuilder';
import * as dialogs from 'botbuilder-dialogs';
import { CloudAdapter } from 'botbuilder/lib/cloudAdapter';
import * as core from 'botbuilder-core';
import * as sdk from '../../dialogs/sdk';

describe('dialogs/sdk (the parts of botbuilder-dialogs loaded from their own files)', () => {
  it.each(['Dialog', 'DialogReason', 'DialogTurnStatus', 'DialogSet', 'DialogContext', 'ComponentDialog', 'WaterfallDialog', 'findChoices'] as const)(
    'gives the same %s as the package, so dialog state, instanceof checks and the SDK agree',
    (name) => {
      expect(sdk[name]).toBe(dialogs[name]);
    },
  );
});

describe('botbuilder loaded from botbuilder-core and its CloudAdapter file', () => {
  it.each(['ActivityHandler', 'ConversationState', 'UserState', 'MemoryStorage', 'TurnContext', 'CardFactory', 'MessageFactory', 'ConfigurationBotFrameworkAuthentication', 'TestAdapter'] as const)(
    'gives the same %s as botbuilder',
    (name) => {
      expect(core[name]).toBe(botbuilder[name]);
    },
  );

  it('gives the same CloudAdapter as botbuilder', () => {
    expect(CloudAdapter).toBe(botbuilder.CloudAdapter);
  });
});
