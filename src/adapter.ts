import {
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder-core';
// From its own file: botbuilder's index also loads Teams, skills, SharePoint and the old BotFrameworkAdapter, which
// crampbot never runs (about 30 ms of a cold start, issue 14). The same class (test/unit/dialogsSdk.test.ts).
import { CloudAdapter } from 'botbuilder/lib/cloudAdapter';
import type { Config } from './config';
import { stackFrames, type Logger } from './logger';
import { TurnTracker } from './turnTracker';
import { ReusingBotFrameworkAuthentication } from './connectorReuse';
import { isStorageFailure, storageFailureCause } from './state/errors';

/** What `authenticate` returns (botbuilder does not export the type by name). */
export type Authenticated = Exclude<Parameters<CloudAdapter['processActivityDirect']>[0], string>;

/**
 * The settings CloudAdapter authenticates with. No app id means authentication is off (local development);
 * SingleTenant and UserAssignedMSI also need the tenant id, UserAssignedMSI takes no password.
 */
export function botFrameworkAuthOptions(config: Config): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    MicrosoftAppId: config.microsoftAppId ?? '',
    MicrosoftAppPassword: config.microsoftAppPassword ?? '',
    MicrosoftAppType: config.microsoftAppType,
    MicrosoftAppTenantId: config.microsoftAppTenantId ?? '',
  };
}

/**
 * CloudAdapter that counts its turns (for a graceful shutdown) and lets the HTTP edge hand it an activity
 * it has already parsed and checked, so the edge decides every status code and error body itself.
 */
export class CrampbotAdapter extends CloudAdapter {
  readonly turns = new TurnTracker();

  /**
   * Checks the request's token against the activity (signature, issuer, audience, expiry, serviceurl claim).
   * @remarks Rejects with an error whose `statusCode` is 401 when authentication fails; with no app id
   * configured, every request is accepted as anonymous.
   */
  authenticate(authHeader: string, activity: Activity): Promise<Authenticated> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  /** Runs the bot on an activity that `authenticate` accepted; returns the invoke or expectReplies response. */
  runActivity(authenticated: Authenticated, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }

  protected override runMiddleware(context: TurnContext, next: (context: TurnContext) => Promise<void>): Promise<void> {
    return this.turns.track(super.runMiddleware(context, next));
  }
}

/**
 * The Bot Framework adapter, with authentication from configuration and one turn error handler; connector and
 * user-token clients are reused across turns (src/connectorReuse.ts).
 */
export function createAdapter(config: Config, logger: Logger, overrides: Partial<ConfigurationBotFrameworkAuthenticationOptions> = {}) {
  const auth = new ConfigurationBotFrameworkAuthentication({ ...botFrameworkAuthOptions(config), ...overrides });
  const adapter = new CrampbotAdapter(new ReusingBotFrameworkAuthentication(auth));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // The error's message may quote the user's text, so only its name and stack frames are logged.
    if (isStorageFailure(error)) {
      logger.error({ err: { name: error.name, cause: storageFailureCause(error) }, activityType: context.activity.type }, 'state storage failed');
    } else {
      logger.error({ err: { name: error?.name, frames: stackFrames(error) }, activityType: context.activity.type }, 'turn failed');
    }
    try {
      await context.sendActivity(
        isStorageFailure(error)
          ? "Sorry, I can't reach my memory just now, so I may not remember what we said. Please try again in a minute. If you have chest pain or trouble breathing, call the emergency number now."
          : "Sorry, something went wrong on my side. Please try again. If you have chest pain or trouble breathing, call the emergency number now.",
      );
    } catch (sendError) {
      logger.error({ err: { name: (sendError as Error)?.name } }, 'could not tell the user about the failed turn');
    }
  };
  return adapter;
}
