import type { Request } from 'restify';
import type { RateLimitSetting } from '../config';

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimits {
  /**
   * Per client address on POST /api/messages. Without an app id every request counts; with one, only refused
   * requests (bad tokens, bad bodies) count, since every real message then comes from the few addresses of the
   * Bot Framework channel service, and those are limited per conversation.
   */
  perClient: RateLimitSetting;
  /** Per conversation id, counted on every activity that reaches the bot. */
  perConversation: RateLimitSetting;
  /**
   * Take the client address from the last X-Forwarded-For entry (the one the proxy in front of us added),
   * as behind Azure App Service. From TRUST_PROXY: without a proxy, the header is whatever the client says.
   */
  trustProxy: boolean;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A token bucket per key: `limit` requests at once, refilled evenly over `windowMs`.
 * @remarks Memory is bounded: full buckets are dropped when swept, and at most `maxKeys` keys are kept
 * (the oldest go first), so random conversation ids cannot grow the map without end.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updated: number }>();
  private lastSweep: number;

  constructor(
    private readonly rule: RateLimit,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {
    if (!(rule.limit >= 1 && rule.windowMs > 0)) throw new RangeError('a rate limit needs limit >= 1 and windowMs > 0');
    this.lastSweep = now();
  }

  /** Counts one request for `key` and says whether it is allowed. */
  take(key: string): RateDecision {
    return this.decide(key, true);
  }

  /** Says whether a request for `key` would be allowed, without counting it. */
  check(key: string): RateDecision {
    return this.decide(key, false);
  }

  private decide(key: string, count: boolean): RateDecision {
    const now = this.now();
    const perMs = this.rule.limit / this.rule.windowMs;
    this.sweep(now, perMs);
    const known = this.buckets.get(key);
    if (!known && !count) return { allowed: true };
    const bucket = known ?? { tokens: this.rule.limit, updated: now };
    bucket.tokens = Math.min(this.rule.limit, bucket.tokens + (now - bucket.updated) * perMs);
    bucket.updated = now;
    this.buckets.delete(key); // re-insert: the map's order is least recently used first
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
    if (bucket.tokens >= 1) {
      if (count) bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }

  get keys(): number {
    return this.buckets.size;
  }

  private sweep(now: number, perMs: number): void {
    if (now - this.lastSweep < this.rule.windowMs) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updated) * perMs >= this.rule.limit) this.buckets.delete(key);
    }
  }
}

/** A limiter for a setting, or undefined when the setting is 'off'. */
export function rateLimiterFor(setting: RateLimitSetting): RateLimiter | undefined {
  return setting === 'off' ? undefined : new RateLimiter(setting);
}

/** The address a request came from, for per-client limits. */
export function clientAddress(req: Request, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').pop()?.trim();
    // App Service appends "ip:port" ("[ipv6]:port"); a bare IPv6 address stays whole.
    if (last) return /^[\d.]+:\d+$/.test(last) ? last.replace(/:\d+$/, '') : last.replace(/^\[(.*)\]:\d+$/, '$1');
  }
  return req.socket?.remoteAddress ?? 'unknown';
}
