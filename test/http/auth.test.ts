import type { KeyObject } from 'node:crypto';
import nock from 'nock';
import { message, post, replyTexts, startServer, type Harness } from './httpHarness';
import { forgerKey, useStubbedChannel } from './botFrameworkTokens';

// One app id per configuration: botbuilder caches outbound tokens per app id for the whole process.
const APP_IDS = {
  MultiTenant: '5f1e5f4c-0f9b-4c3c-9d43-2f0a8c1d7e21',
  SingleTenant: '6a2f6e5d-1a0c-4d4d-8e54-3a1b9d2e8f32',
  UserAssignedMSI: '7b3a7f6e-2b1d-4e5e-9f65-4b2c0e3f9a43',
};
const TENANT_ID = '8a3c1b2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

/** Where each configuration gets its own token for replying to the channel; nock answers in its place. */
const tokenSources: Record<string, () => nock.Scope> = {
  MultiTenant: () => nock('https://login.microsoftonline.com').post('/botframework.com/oauth2/v2.0/token').query(true).reply(200, aadToken()),
  SingleTenant: () => nock('https://login.microsoftonline.com').post(`/${TENANT_ID}/oauth2/v2.0/token`).query(true).reply(200, aadToken()),
  // Azure's instance metadata service: the SDK first probes it without the Metadata header (IMDS answers 400),
  // then asks for a token for the user-assigned identity (client_id) with it.
  UserAssignedMSI: () =>
    nock('http://169.254.169.254')
      .get('/metadata/identity/oauth2/token')
      .query(true)
      .reply(400, { error: 'invalid_request', error_description: 'Required metadata header not specified' })
      .get('/metadata/identity/oauth2/token')
      .query((query) => query.client_id === APP_IDS.UserAssignedMSI && query.resource === 'https://api.botframework.com')
      .matchHeader('metadata', 'true')
      .reply(200, { ...aadToken(), expires_on: String(Math.floor(Date.now() / 1000) + 3600), resource: 'https://api.botframework.com' }),
};

function aadToken() {
  return { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'outbound-token-for-the-channel' };
}

const configurations = {
  MultiTenant: { MICROSOFT_APP_ID: APP_IDS.MultiTenant, MICROSOFT_APP_PASSWORD: 'test-password-not-real', MICROSOFT_APP_TYPE: 'MultiTenant' },
  SingleTenant: {
    MICROSOFT_APP_ID: APP_IDS.SingleTenant,
    MICROSOFT_APP_PASSWORD: 'test-password-not-real',
    MICROSOFT_APP_TYPE: 'SingleTenant',
    MICROSOFT_APP_TENANT_ID: TENANT_ID,
  },
  UserAssignedMSI: { MICROSOFT_APP_ID: APP_IDS.UserAssignedMSI, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: TENANT_ID },
};

// botbuilder caches the channel's signing keys for the whole process, so one stub serves every configuration.
const channel = useStubbedChannel();
let forger: KeyObject;
beforeAll(() => {
  forger = forgerKey();
});

describe.each(Object.entries(configurations))('with MICROSOFT_APP_TYPE=%s', (type, env) => {
  let harness: Harness;
  const teamsMessage = (text = 'hello') =>
    message(text, { channelId: 'msteams', serviceUrl: SERVICE_URL, conversation: { id: `a:teams-${Math.random()}` } });
  const validClaims = { aud: env.MICROSOFT_APP_ID, serviceurl: SERVICE_URL };

  beforeAll(async () => {
    harness = await startServer({ env });
  });
  afterAll(() => harness.close());

  it('accepts a valid Bot Framework token and answers', async () => {
    const { status, json } = await post(harness.url, teamsMessage(), { authorization: `Bearer ${channel.sign(validClaims)}` });
    expect(status).toBe(200);
    expect(replyTexts(json).length).toBeGreaterThan(0);
  });

  it('replies to the channel with a token from the configured identity', async () => {
    const tokenSource = tokenSources[type]();
    const conversationId = `a:outbound-${type}`;
    let replyAuthorization: string | undefined;
    const reply = nock('https://smba.trafficmanager.net')
      .post(new RegExp(`^/teams/v3/conversations/${encodeURIComponent(conversationId)}/activities`))
      .reply(function () {
        replyAuthorization = String(this.req.headers.authorization);
        return [200, { id: 'reply-1' }];
      })
      .persist();
    const activity = message('hello', { channelId: 'msteams', serviceUrl: SERVICE_URL, deliveryMode: undefined, conversation: { id: conversationId } });
    const { status } = await post(harness.url, activity, { authorization: `Bearer ${channel.sign(validClaims)}` });
    expect(status).toBe(200);
    expect(tokenSource.isDone()).toBe(true);
    expect(reply.isDone()).toBe(true);
    expect(replyAuthorization).toBe('Bearer outbound-token-for-the-channel');
    reply.persist(false);
  });

  const rejected: Array<[string, () => string | undefined]> = [
    ['no Authorization header', () => undefined],
    ['a malformed token', () => 'Bearer not.a.jwt'],
    ['a Basic credential', () => `Basic ${Buffer.from('user:pass').toString('base64')}`],
    ['a forged signature', () => `Bearer ${channel.sign(validClaims, { key: forger })}`],
    ['an expired token', () => `Bearer ${channel.sign(validClaims, { expiresInSeconds: -3600 })}`],
    ['a token for another bot', () => `Bearer ${channel.sign({ ...validClaims, aud: 'another-app-id' })}`],
    ['a token from another issuer', () => `Bearer ${channel.sign(validClaims, { issuer: 'https://evil.example.com' })}`],
    ['a token signed with an unknown key id', () => `Bearer ${channel.sign(validClaims, { keyId: 'unknown-key' })}`],
    ['a token for another serviceUrl', () => `Bearer ${channel.sign({ ...validClaims, serviceurl: 'https://attacker.example.com/' })}`],
    ['an unsigned token', () => `Bearer ${unsigned({ ...validClaims, iss: 'https://api.botframework.com' })}`],
  ];

  it.each(rejected)('answers 401 to %s, without internals', async (_label, header) => {
    const authorization = header();
    const { status, raw, json } = await post(harness.url, teamsMessage(), authorization ? { authorization } : {});
    expect(status).toBe(401);
    expect(json.error.code).toBe('Unauthorized');
    expect(raw).not.toMatch(/\bat |\.js:\d+|\.ts:\d+|Error:/);
  });
});

function unsigned(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims, exp: Math.floor(Date.now() / 1000) + 600 })}.`;
}
