import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { Config } from './config';
import type { Logger } from './logger';

/** The Bot Framework adapter, with authentication from configuration and one turn error handler. */
export function createAdapter(config: Config, logger: Logger, overrides: Partial<ConfigurationBotFrameworkAuthenticationOptions> = {}) {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.microsoftAppId ?? '',
    MicrosoftAppPassword: config.microsoftAppPassword ?? '',
    MicrosoftAppType: config.microsoftAppType,
    MicrosoftAppTenantId: config.microsoftAppTenantId ?? '',
    ...overrides,
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // Never log message text here: the error may carry it.
    logger.error({ err: { name: error.name, stack: error.stack }, activityType: context.activity.type }, 'turn failed');
    try {
      await context.sendActivity(
        "Sorry, something went wrong on my side. Please try again. If you have chest pain or trouble breathing, call the emergency number now.",
      );
    } catch (sendError) {
      logger.error({ err: { name: (sendError as Error).name } }, 'could not tell the user about the failed turn');
    }
  };
  return adapter;
}
