/**
 * The parts of botbuilder-dialogs crampbot uses, loaded from their own files. The package's index also loads its
 * date-time, number and choice prompts and the recognizers behind them (@microsoft/recognizers-text-*): about 200 ms of
 * a cold start that crampbot never uses (issue 14). Its Prompt class loads the choice recognizers too, so crampbot's
 * one prompt (dialogs/answerPrompt.ts) is written on Dialog and matches answers with findChoices. These are the same
 * classes the index exports (test/unit/dialogsSdk.test.ts), and the version is pinned in package.json.
 */
export { Dialog, DialogReason, DialogTurnStatus, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs/lib/dialog';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { DialogContext, type DialogState } from 'botbuilder-dialogs/lib/dialogContext';
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
export type { WaterfallStepContext } from 'botbuilder-dialogs/lib/waterfallStepContext';
export type { PromptOptions } from 'botbuilder-dialogs/lib/prompts/prompt';
export { findChoices } from 'botbuilder-dialogs/lib/choices/findChoices';
