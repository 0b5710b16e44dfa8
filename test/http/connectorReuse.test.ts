import nock from 'nock';
import pino from 'pino';
import { ActivityTypes, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity } from 'botframework-connector';
import { loadConfig } from '../../src/config';
import { createAdapter } from '../../src/adapter';
import { ReusingBotFrameworkAuthentication } from '../../src/connectorReuse';
import { useStubbedChannel } from './botFrameworkTokens';

const APP_ID = '3c9d2e1f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const silent = pino({ level: 'silent' });

function activity(fields: Partial<Activity>): Activity {
  return {
    type: ActivityTypes.Message,
    channelId: 'msteams',
    conversation: { id: `a:reuse-${Math.random()}` },
    from: { id: 'user-1' },
    recipient: { id: APP_ID },
    text: 'hello',
    ...fields,
  } as Activity;
}

describe('connector clients across turns, with an app id', () => {
  const channel = useStubbedChannel();
  const adapter = createAdapter(loadConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'test-password-not-real', LOG_LEVEL: 'silent' }), silent);

  /** Runs one authenticated turn that replies, and returns the connector client the turn had. */
  async function turn(fields: Partial<Activity>): Promise<unknown> {
    const incoming = activity(fields);
    const token = channel.sign({ aud: APP_ID, serviceurl: incoming.serviceUrl });
    const authenticated = await adapter.authenticate(`Bearer ${token}`, incoming);
    let client: unknown;
    await adapter.runActivity(authenticated, incoming, async (context: TurnContext) => {
      client = context.turnState.get(adapter.ConnectorClientKey);
      await context.sendActivity('hi');
    });
    return client;
  }

  it('reuses one connector client for two turns to the same service URL, and both replies carry a token', async () => {
    const token = nock('https://login.microsoftonline.com')
      .post('/botframework.com/oauth2/v2.0/token')
      .query(true)
      .reply(200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'outbound-token' });
    const authorizations: string[] = [];
    const replies = nock('https://smba.trafficmanager.net')
      .post(/^\/emea\/v3\/conversations\/.*\/activities/)
      .times(2)
      .reply(function () {
        authorizations.push(String(this.req.headers.authorization));
        return [200, { id: 'reply' }];
      });
    const first = await turn({ serviceUrl: SERVICE_URL });
    const second = await turn({ serviceUrl: SERVICE_URL });
    expect(first).toBeDefined();
    expect(second).toBe(first);
    expect(token.isDone()).toBe(true);
    expect(replies.isDone()).toBe(true);
    expect(authorizations).toEqual(['Bearer outbound-token', 'Bearer outbound-token']);
  });

  it('gives another service URL its own connector client', async () => {
    nock('https://smba.trafficmanager.net').post(/\/activities/).times(2).reply(200, { id: 'reply' });
    const emea = await turn({ serviceUrl: SERVICE_URL });
    const amer = await turn({ serviceUrl: 'https://smba.trafficmanager.net/amer/' });
    expect(amer).not.toBe(emea);
  });
});

describe('connector clients across turns, without an app id', () => {
  const adapter = createAdapter(loadConfig({ LOG_LEVEL: 'silent' }), silent);

  async function expectRepliesTurn(): Promise<{ client: unknown; replies: string[] }> {
    const incoming = activity({ deliveryMode: 'expectReplies', serviceUrl: undefined });
    const authenticated = await adapter.authenticate('', incoming);
    let client: unknown;
    const response = await adapter.runActivity(authenticated, incoming, async (context) => {
      client = context.turnState.get(adapter.ConnectorClientKey);
      await context.sendActivity('hi');
    });
    const body = response?.body as { activities: Activity[] };
    return { client, replies: body.activities.map((reply) => reply.text ?? '') };
  }

  it('answers expectReplies turns in the response, with one connector client for all of them', async () => {
    const first = await expectRepliesTurn();
    const second = await expectRepliesTurn();
    expect(first.replies).toEqual(['hi']);
    expect(second.replies).toEqual(['hi']);
    expect(second.client).toBe(first.client);
  });
});

describe('ReusingBotFrameworkAuthentication', () => {
  const auth = new ReusingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication({}));
  const identity = (appId: string) => new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: appId }], true);
  const url = 'http://127.0.0.1:3978/';

  it('shares a connector client only between requests for the same app id, service URL and audience', async () => {
    const a = await auth.createConnectorFactory(identity('app-a')).create(url, 'https://api.botframework.com');
    expect(await auth.createConnectorFactory(identity('app-a')).create(url, 'https://api.botframework.com')).toBe(a);
    expect(await auth.createConnectorFactory(identity('app-b')).create(url, 'https://api.botframework.com')).not.toBe(a);
    expect(await auth.createConnectorFactory(identity('app-a')).create(url, 'https://api.botframework.us')).not.toBe(a);
    expect(await auth.createConnectorFactory(identity('app-a')).create('http://127.0.0.1:3979/', 'https://api.botframework.com')).not.toBe(a);
  });

  it('shares a user token client only within one app id', async () => {
    const a = await auth.createUserTokenClient(identity('app-a'));
    expect(await auth.createUserTokenClient(identity('app-a'))).toBe(a);
    expect(await auth.createUserTokenClient(identity('app-b'))).not.toBe(a);
  });

  it('keeps a bounded number of clients', async () => {
    const first = await auth.createConnectorFactory(identity('app-a')).create('http://127.0.0.1:4000/');
    for (let port = 4001; port < 4200; port++) await auth.createConnectorFactory(identity('app-a')).create(`http://127.0.0.1:${port}/`);
    expect(await auth.createConnectorFactory(identity('app-a')).create('http://127.0.0.1:4000/')).not.toBe(first);
  });
});
