import * as dialogs from 'botbuilder-dialogs';
import * as sdk from '../../dialogs/sdk';

describe('dialogs/sdk (the parts of botbuilder-dialogs loaded from their own files)', () => {
  it.each(['Dialog', 'DialogReason', 'DialogTurnStatus', 'DialogSet', 'DialogContext', 'ComponentDialog', 'WaterfallDialog', 'Prompt', 'recognizeChoices'] as const)(
    'gives the same %s as the package, so dialog state, instanceof checks and the SDK agree',
    (name) => {
      expect(sdk[name]).toBe(dialogs[name]);
    },
  );
});
