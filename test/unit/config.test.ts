import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig, loadDotEnv, redactedConfig } from '../../src/config';
import { capturedLogger } from '../support/capturedLogger';

const ROOT = resolve(__dirname, '../..');
const SPEC_VARIABLES = [
  'PORT', 'HOST', 'MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TYPE', 'MICROSOFT_APP_TENANT_ID', 'STORAGE',
  'STATE_DIR', 'BLOB_CONNECTION_STRING', 'BLOB_CONTAINER', 'REGION', 'DIRECT_LINE_SECRET', 'STATE_TTL_DAYS', 'LOG_LEVEL', 'LOG_TEXT',
  'TRUST_PROXY', 'METRICS_TOKEN', 'STATE_FSYNC', 'RATE_LIMIT_CLIENT', 'RATE_LIMIT_CONVERSATION',
];
const APP = { MICROSOFT_APP_ID: '5f1e5f4c-0f9b-4c3c-9d43-2f0a8c1d7e21' };
const TENANT = '8a3c1b2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`no ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('runs with no settings at all: port 3978 on 127.0.0.1, lowdb in ./data, region uk', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      storage: 'lowdb',
      stateDir: './data',
      region: 'uk',
      stateTtlDays: 30,
      stateFsync: false,
      logLevel: 'info',
      logText: false,
      microsoftAppType: 'MultiTenant',
    });
  });

  it('binds to loopback without an app id, to HOST when set, and to every interface with an app id', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ ...APP, MICROSOFT_APP_PASSWORD: 'x' }).host).toBe('0.0.0.0');
    expect(loadConfig({ ...APP, MICROSOFT_APP_PASSWORD: 'x', HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
  });

  it('trusts X-Forwarded-For only behind a proxy: on App Service by default, else when TRUST_PROXY=1', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ WEBSITE_INSTANCE_ID: 'a1b2c3' }).trustProxy).toBe(true);
    expect(loadConfig({ WEBSITE_INSTANCE_ID: 'a1b2c3', TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'yes' }).trustProxy).toBe(true);
    expect(configError({ TRUST_PROXY: 'sometimes' }).variable).toBe('TRUST_PROXY');
  });

  it('waits for the disk on every state write only when STATE_FSYNC is on', () => {
    expect(loadConfig({}).stateFsync).toBe(false);
    expect(loadConfig({ STATE_FSYNC: '1' }).stateFsync).toBe(true);
    expect(loadConfig({ STATE_FSYNC: 'off' }).stateFsync).toBe(false);
  });

  it('limits 60 requests per client and 20 per conversation in 10 s unless RATE_LIMIT_* say otherwise', () => {
    expect(loadConfig({})).toMatchObject({
      rateLimitClient: { limit: 60, windowMs: 10_000 },
      rateLimitConversation: { limit: 20, windowMs: 10_000 },
    });
    expect(loadConfig({ RATE_LIMIT_CLIENT: '600/60s', RATE_LIMIT_CONVERSATION: 'OFF' })).toMatchObject({
      rateLimitClient: { limit: 600, windowMs: 60_000 },
      rateLimitConversation: 'off',
    });
  });

  it('accepts each app type with what it needs', () => {
    expect(loadConfig({ ...APP, MICROSOFT_APP_PASSWORD: 'x' }).microsoftAppType).toBe('MultiTenant');
    expect(loadConfig({ ...APP, MICROSOFT_APP_PASSWORD: 'x', MICROSOFT_APP_TYPE: 'SingleTenant', MICROSOFT_APP_TENANT_ID: TENANT })).toMatchObject({
      microsoftAppType: 'SingleTenant',
      microsoftAppTenantId: TENANT,
    });
    expect(loadConfig({ ...APP, MICROSOFT_APP_TYPE: 'userassignedmsi', MICROSOFT_APP_TENANT_ID: TENANT }).microsoftAppType).toBe('UserAssignedMSI');
  });

  it.each<[string, Record<string, string>, string]>([
    ['a port that is not a number', { PORT: 'abc' }, 'PORT'],
    ['a port out of range', { PORT: '70000' }, 'PORT'],
    ['a negative port', { PORT: '-1' }, 'PORT'],
    ['an unknown region', { REGION: 'mars' }, 'REGION'],
    ['an unknown storage', { STORAGE: 'sql' }, 'STORAGE'],
    ['a negative TTL', { STATE_TTL_DAYS: '-1' }, 'STATE_TTL_DAYS'],
    ['a zero TTL', { STATE_TTL_DAYS: '0' }, 'STATE_TTL_DAYS'],
    ['a fractional TTL', { STATE_TTL_DAYS: '1.5' }, 'STATE_TTL_DAYS'],
    ['blob storage without a connection string', { STORAGE: 'blobs' }, 'BLOB_CONNECTION_STRING'],
    ['an invalid blob container name', { BLOB_CONTAINER: 'Bad_Name' }, 'BLOB_CONTAINER'],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    ['a LOG_TEXT that is not a yes or no', { LOG_TEXT: 'maybe' }, 'LOG_TEXT'],
    ['a STATE_FSYNC that is not a yes or no', { STATE_FSYNC: 'always' }, 'STATE_FSYNC'],
    ['a client rate limit without a window', { RATE_LIMIT_CLIENT: '60' }, 'RATE_LIMIT_CLIENT'],
    ['a client rate limit of zero', { RATE_LIMIT_CLIENT: '0/10s' }, 'RATE_LIMIT_CLIENT'],
    ['a conversation rate limit in minutes', { RATE_LIMIT_CONVERSATION: '20/1m' }, 'RATE_LIMIT_CONVERSATION'],
    ['a conversation rate limit over no time', { RATE_LIMIT_CONVERSATION: '20/0s' }, 'RATE_LIMIT_CONVERSATION'],
    ['a conversation rate limit that is a word', { RATE_LIMIT_CONVERSATION: 'none' }, 'RATE_LIMIT_CONVERSATION'],
    ['an unknown app type', { ...APP, MICROSOFT_APP_TYPE: 'Personal' }, 'MICROSOFT_APP_TYPE'],
    ['an app id without a password', { ...APP }, 'MICROSOFT_APP_PASSWORD'],
    ['SingleTenant without a tenant id', { ...APP, MICROSOFT_APP_PASSWORD: 'x', MICROSOFT_APP_TYPE: 'SingleTenant' }, 'MICROSOFT_APP_TENANT_ID'],
    ['UserAssignedMSI without a tenant id', { ...APP, MICROSOFT_APP_TYPE: 'UserAssignedMSI' }, 'MICROSOFT_APP_TENANT_ID'],
    ['UserAssignedMSI with a password', { ...APP, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: TENANT, MICROSOFT_APP_PASSWORD: 'x' }, 'MICROSOFT_APP_PASSWORD'],
  ])('stops on %s, naming the variable', (_label, env, variable) => {
    const error = configError(env);
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
  });

  it('never repeats a secret in its error messages', () => {
    const secret = 'DefaultEndpointsProtocol=https;AccountKey=c2VjcmV0LWtleQ==';
    const error = configError({ STORAGE: 'blobs', BLOB_CONNECTION_STRING: secret, BLOB_CONTAINER: 'NO' });
    expect(error.message).not.toContain('AccountKey');
    const msi = configError({ ...APP, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: TENANT, MICROSOFT_APP_PASSWORD: 'hunter2-secret' });
    expect(msi.message).not.toContain('hunter2-secret');
  });

  it('hides secrets in the config it logs', () => {
    const config = loadConfig({
      ...APP,
      MICROSOFT_APP_PASSWORD: 'app-password-value',
      DIRECT_LINE_SECRET: 'direct-line-secret-value',
      STORAGE: 'blobs',
      BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true;AccountKey=connection-string-value',
    });
    const logged = JSON.stringify(redactedConfig(config));
    for (const secret of ['app-password-value', 'direct-line-secret-value', 'connection-string-value']) expect(logged).not.toContain(secret);
    expect(logged).toContain(APP.MICROSOFT_APP_ID);
  });

  it('says which secrets are configured, so an operator can tell a missing one from a hidden one', () => {
    const { logger, logs } = capturedLogger({ logLevel: 'info' });
    const config = loadConfig({ ...APP, MICROSOFT_APP_PASSWORD: 'app-password-value' });
    logger.info({ config: redactedConfig(config) }, 'crampbot is listening');
    const logged = JSON.parse(logs[0]) as { config: { secretsSet: string[] } };
    expect(logged.config.secretsSet).toEqual(['MICROSOFT_APP_PASSWORD']);
    expect(logs[0]).not.toContain('app-password-value');
  });
});

describe('loadDotEnv', () => {
  it('reads .env without overriding the environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crampbot-env-'));
    try {
      writeFileSync(join(dir, '.env'), '# comment\nREGION=ie\nPORT="4000"\nLOG_TEXT=1\n');
      const env: Record<string, string | undefined> = { PORT: '5000' };
      loadDotEnv(join(dir, '.env'), env);
      expect(loadConfig(env)).toMatchObject({ region: 'ie', port: 5000, logText: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('deploy/env.example', () => {
  const example = readFileSync(join(ROOT, 'deploy/env.example'), 'utf8');

  it.each(SPEC_VARIABLES)('documents %s with a comment', (variable) => {
    const lines = example.split('\n');
    const index = lines.findIndex((line) => new RegExp(`^#?\\s*${variable}=`).test(line));
    expect(index).toBeGreaterThan(-1);
    const above = lines.slice(0, index).reverse();
    const comment = above.find((line) => line.startsWith('#') && !/^#\s*[A-Z_]+=/.test(line));
    expect(comment).toBeDefined();
  });

  it('is a configuration that starts as it is', () => {
    const env: Record<string, string | undefined> = {};
    loadDotEnv(join(ROOT, 'deploy/env.example'), env);
    expect(() => loadConfig(env)).not.toThrow();
  });
});

describe('starting crampbot with a bad value', () => {
  it.each([
    ['PORT', 'abc'],
    ['REGION', 'mars'],
    ['STATE_TTL_DAYS', '-1'],
    ['STATE_FSYNC', 'sometimes'],
    ['RATE_LIMIT_CONVERSATION', '20 per 10s'],
  ])('exits 1 naming %s, without a stack trace', (variable, value) => {
    const dir = mkdtempSync(join(tmpdir(), 'crampbot-badconfig-'));
    try {
      const run = spawnSync(process.execPath, ['-r', join(ROOT, 'test/support/registerTypeScript.js'), join(ROOT, 'src/index.ts')], {
        cwd: dir,
        env: { PATH: process.env.PATH, [variable]: value },
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`${variable}: "${value}"`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
