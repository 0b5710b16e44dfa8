import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import nock from 'nock';

/** What the Bot Framework channel service signs its tokens with, and the issuer it names. */
export const CHANNEL_ISSUER = 'https://api.botframework.com';
const METADATA_HOST = 'https://login.botframework.com';
const METADATA_PATH = '/v1/.well-known/openidconfiguration';
const JWKS_PATH = '/v1/.well-known/keys';

/**
 * Stands in for the Bot Framework channel service, as botbuilder-js's own tests do (jwt.stub in
 * botbuilder-test-utils): nock serves its OpenID metadata and a JWKS holding a locally generated RSA key,
 * and `sign` issues tokens with that key.
 */
export function stubBotFrameworkChannel() {
  const keyId = `test-key-${randomUUID()}`;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const metadata = nock(METADATA_HOST)
    .persist()
    .get(METADATA_PATH)
    .reply(200, {
      issuer: CHANNEL_ISSUER,
      authorization_endpoint: 'https://invalid.botframework.com',
      jwks_uri: `${METADATA_HOST}${JWKS_PATH}`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    })
    .get(JWKS_PATH)
    .reply(200, { keys: [{ kty: 'RSA', use: 'sig', kid: keyId, n: jwk.n, e: jwk.e, endorsements: ['msteams', 'webchat', 'directline'] }] });

  function sign(claims: Record<string, unknown>, options: { key?: KeyObject; keyId?: string; issuer?: string; expiresInSeconds?: number } = {}) {
    const now = Math.floor(Date.now() / 1000);
    return jwt.sign(
      { iss: options.issuer ?? CHANNEL_ISSUER, nbf: now - 60, exp: now + (options.expiresInSeconds ?? 600), ...claims },
      options.key ?? privateKey,
      { algorithm: 'RS256', keyid: options.keyId ?? keyId },
    );
  }

  return { sign, keyId, metadata, done: () => nock.cleanAll() };
}

/**
 * The stub channel for the tests of the enclosing `describe` (or file): started before them, its nock interceptors
 * removed after. botbuilder prints each rejected token's error to the console; the tests assert on responses instead,
 * so the console is quiet meanwhile. Returns the channel's signer.
 */
export function useStubbedChannel(): Pick<ReturnType<typeof stubBotFrameworkChannel>, 'sign'> {
  let channel: ReturnType<typeof stubBotFrameworkChannel> | undefined;
  beforeAll(() => {
    channel = stubBotFrameworkChannel();
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterAll(() => {
    channel?.done();
    jest.restoreAllMocks();
  });
  return { sign: (claims, options) => channel!.sign(claims, options) };
}

/** A second key pair: what a forger holds. */
export function forgerKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}
