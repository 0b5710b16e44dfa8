import { existsSync, readFileSync } from 'node:fs';

export const REGIONS = ['uk', 'ie', 'us', 'eu'] as const;
export type Region = (typeof REGIONS)[number];
export const STORAGE_KINDS = ['lowdb', 'blobs', 'memory'] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];
export const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export type AppType = (typeof APP_TYPES)[number];
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A rate limit (`limit` requests per `windowMs`), or 'off' where a gateway in front of the bot limits already, or for load tests. */
export type RateLimitSetting = { limit: number; windowMs: number } | 'off';

/**
 * RATE_LIMIT_CLIENT and RATE_LIMIT_CONVERSATION when unset (60/10s, 20/10s): a normal person types far slower than
 * this; a Web Chat page polls its own Direct Line, not /api/messages.
 */
export const DEFAULT_RATE_LIMITS = {
  client: { limit: 60, windowMs: 10_000 },
  conversation: { limit: 20, windowMs: 10_000 },
} as const;

/** Everything crampbot reads from its environment, validated once at start-up. */
export interface Config {
  port: number;
  /** HOST, else 127.0.0.1 without an app id (local development) and 0.0.0.0 with one. */
  host: string;
  microsoftAppId?: string;
  microsoftAppPassword?: string;
  microsoftAppType: AppType;
  microsoftAppTenantId?: string;
  storage: StorageKind;
  stateDir: string;
  blobConnectionString?: string;
  blobContainer: string;
  region: Region;
  directLineSecret?: string;
  stateTtlDays: number;
  /** STATE_FSYNC: each state write waits until it is on the disk (survives power loss), not only in the kernel. */
  stateFsync: boolean;
  logLevel: LogLevel;
  logText: boolean;
  /** Behind a reverse proxy, rate limits take the client address from X-Forwarded-For (on by default on App Service). */
  trustProxy: boolean;
  /** Bearer token for GET /metrics from another machine; without it, only loopback clients may read them. */
  metricsToken?: string;
  /** RATE_LIMIT_CLIENT: requests per client address on POST /api/messages, or 'off' (behind a gateway that limits). */
  rateLimitClient: RateLimitSetting;
  /** RATE_LIMIT_CONVERSATION: activities per conversation, or 'off' (load tests). */
  rateLimitConversation: RateLimitSetting;
}

/** A configuration value that stops start-up; the message names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const get = (name: string) => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const appId = get('MICROSOFT_APP_ID');
  const appType = oneOf(env, 'MICROSOFT_APP_TYPE', APP_TYPES, 'MultiTenant');
  const config: Config = {
    port: integer(env, 'PORT', 3978, 0, 65535),
    host: get('HOST') ?? (appId ? '0.0.0.0' : '127.0.0.1'),
    microsoftAppId: appId,
    microsoftAppPassword: get('MICROSOFT_APP_PASSWORD'),
    microsoftAppType: appType,
    microsoftAppTenantId: get('MICROSOFT_APP_TENANT_ID'),
    storage: oneOf(env, 'STORAGE', STORAGE_KINDS, 'lowdb'),
    stateDir: get('STATE_DIR') ?? './data',
    blobConnectionString: get('BLOB_CONNECTION_STRING'),
    blobContainer: get('BLOB_CONTAINER') ?? 'crampbot-state',
    region: oneOf(env, 'REGION', REGIONS, 'uk'),
    directLineSecret: get('DIRECT_LINE_SECRET'),
    stateTtlDays: integer(env, 'STATE_TTL_DAYS', 30, 1, 3650),
    stateFsync: boolean(env, 'STATE_FSYNC', false),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    logText: boolean(env, 'LOG_TEXT', false),
    // Azure App Service sets WEBSITE_INSTANCE_ID; its front end is the proxy every request comes through.
    trustProxy: boolean(env, 'TRUST_PROXY', Boolean(get('WEBSITE_INSTANCE_ID'))),
    metricsToken: get('METRICS_TOKEN'),
    rateLimitClient: rateLimit(env, 'RATE_LIMIT_CLIENT', DEFAULT_RATE_LIMITS.client),
    rateLimitConversation: rateLimit(env, 'RATE_LIMIT_CONVERSATION', DEFAULT_RATE_LIMITS.conversation),
  };
  if (config.metricsToken !== undefined && !/^[\x21-\x7e]{16,}$/.test(config.metricsToken)) {
    throw new ConfigError('METRICS_TOKEN', 'must be at least 16 printable characters without spaces');
  }
  if (config.storage === 'blobs' && !config.blobConnectionString) {
    throw new ConfigError('BLOB_CONNECTION_STRING', 'is required when STORAGE=blobs');
  }
  if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(config.blobContainer)) {
    throw new ConfigError('BLOB_CONTAINER', 'must be 3-63 lowercase letters, digits or single hyphens');
  }
  if (appId && appType === 'SingleTenant' && !config.microsoftAppTenantId) {
    throw new ConfigError('MICROSOFT_APP_TENANT_ID', 'is required when MICROSOFT_APP_TYPE=SingleTenant');
  }
  if (appId && appType === 'UserAssignedMSI' && !config.microsoftAppTenantId) {
    throw new ConfigError('MICROSOFT_APP_TENANT_ID', 'is required when MICROSOFT_APP_TYPE=UserAssignedMSI');
  }
  if (appId && appType === 'UserAssignedMSI' && config.microsoftAppPassword) {
    throw new ConfigError('MICROSOFT_APP_PASSWORD', 'must be empty when MICROSOFT_APP_TYPE=UserAssignedMSI');
  }
  if (appId && appType !== 'UserAssignedMSI' && !config.microsoftAppPassword) {
    throw new ConfigError('MICROSOFT_APP_PASSWORD', `is required when MICROSOFT_APP_ID is set and MICROSOFT_APP_TYPE=${appType}`);
  }
  return config;
}

/** Reads KEY=value lines from a .env file into env, without overriding what is already set. */
export function loadDotEnv(path = '.env', env: Env = process.env): void {
  if (!existsSync(path)) return;
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*(.*?)\s*$/i.exec(line);
    if (!match || line.trimStart().startsWith('#')) continue;
    const [, key, raw] = match;
    if (env[key] === undefined) env[key] = raw.replace(/^(['"])(.*)\1$/, '$2');
  }
}

/** The config as it may be logged: the secrets left out, and named in `secretsSet` when they are configured. */
export function redactedConfig(config: Config): Record<string, unknown> {
  const { microsoftAppPassword, blobConnectionString, directLineSecret, metricsToken, ...rest } = config;
  const secrets = {
    MICROSOFT_APP_PASSWORD: microsoftAppPassword,
    BLOB_CONNECTION_STRING: blobConnectionString,
    DIRECT_LINE_SECRET: directLineSecret,
    METRICS_TOKEN: metricsToken,
  };
  // Variable names as values, not keys: the logger censors secret-named keys whatever they hold.
  return { ...rest, secretsSet: Object.keys(secrets).filter((name) => secrets[name as keyof typeof secrets]) };
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = env[name]?.trim();
  if (!value) return fallback;
  const match = allowed.find((option) => option.toLowerCase() === value.toLowerCase());
  if (!match) throw new ConfigError(name, `"${value}" is not one of ${allowed.join(', ')}`);
  return match;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ConfigError(name, `"${value}" is not a whole number from ${min} to ${max}`);
  }
  return Number(value);
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (!value) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(name, `"${value}" is not 1/0, true/false, yes/no or on/off`);
}

/** `N/SECONDSs` (N requests per SECONDS seconds, e.g. `60/10s`) or `off`. */
function rateLimit(env: Env, name: string, fallback: RateLimitSetting): RateLimitSetting {
  const value = env[name]?.trim();
  if (!value) return fallback;
  if (value.toLowerCase() === 'off') return 'off';
  const match = /^(\d{1,9})\/(\d{1,6})s$/i.exec(value);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    throw new ConfigError(name, `"${value}" is not N/SECONDSs with N and SECONDS at least 1 (e.g. 60/10s), or off`);
  }
  return { limit: Number(match[1]), windowMs: Number(match[2]) * 1000 };
}
