import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';

/** Enough for every channel service region and a few local Direct Lines; more keys than this mean something odd. */
const MAX_CLIENTS = 64;

/** A small map that forgets its least recently used entry beyond `max` (a Map iterates in insertion order). */
class RecentlyUsed<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

/** The bot's app id as botbuilder's own factories read it from the request's claims. */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return (
    claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

/**
 * Hands out one ConnectorClient per (service URL, app id, audience) instead of a new one per call.
 * @remarks The client is reused only under the same key; its credentials object still fetches and refreshes
 * tokens itself (botbuilder keeps them in a process-wide cache by app id and scope). A failed creation is not
 * remembered.
 */
class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly clients: RecentlyUsed<Promise<ConnectorClient>>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = JSON.stringify([serviceUrl ?? null, this.appId, audience ?? null]);
    const known = this.clients.get(key);
    if (known) return known;
    const created = this.inner.create(serviceUrl, audience);
    this.clients.set(key, created);
    created.catch(() => this.clients.delete(key));
    return created;
  }
}

/**
 * BotFrameworkAuthentication that reuses what botbuilder would otherwise build for every turn.
 * @remarks CloudAdapter asks for a connector factory, a ConnectorClient and a UserTokenClient on every turn,
 * `expectReplies` turns included, and each is a fresh @azure/core-rest-pipeline client: about a seventh of a
 * crampbot turn's CPU under load. Authentication itself is untouched: every request is still checked by `inner`.
 */
export class ReusingBotFrameworkAuthentication extends BotFrameworkAuthentication {
  private readonly connectorClients = new RecentlyUsed<Promise<ConnectorClient>>(MAX_CLIENTS);
  private readonly userTokenClients = new RecentlyUsed<Promise<UserTokenClient>>(MAX_CLIENTS);

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Parameters<BotFrameworkAuthentication['authenticateRequest']>[0], authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(this.inner.createConnectorFactory(claimsIdentity), appIdOf(claimsIdentity), this.connectorClients);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    // Built from the app id and the configured credentials only, so one per app id serves every turn.
    const key = appIdOf(claimsIdentity);
    const known = this.userTokenClients.get(key);
    if (known) return known;
    const created = this.inner.createUserTokenClient(claimsIdentity);
    this.userTokenClients.set(key, created);
    created.catch(() => this.userTokenClients.delete(key));
    return created;
  }

  createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    if (!result.connectorFactory) return result;
    const connectorFactory = new ReusingConnectorFactory(result.connectorFactory, appIdOf(result.claimsIdentity), this.connectorClients);
    return { ...result, connectorFactory };
  }
}
