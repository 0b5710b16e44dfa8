import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Server } from 'restify';
import type { CrampbotMetrics } from '../metrics/crampbotMetrics';
import { DIRECT_LINE_PATH } from './directLine';
import { sendError } from './httpError';
import { MESSAGES_PATH } from './messagesRoute';

export interface MetricsRouteDeps {
  metrics: CrampbotMetrics;
  /** METRICS_TOKEN: lets a scraper that is not on this machine read the metrics as a bearer token. */
  metricsToken?: string;
}

/**
 * `GET /metrics`, Prometheus text. Served to a client on this machine, or to one that presents METRICS_TOKEN as a
 * bearer token; anyone else gets 401 (no token) or 403 (wrong token, or no token configured).
 * Also counts the 429s of every route, whichever limiter refused them.
 */
export function registerMetricsRoute(server: Server, { metrics, metricsToken }: MetricsRouteDeps): void {
  server.pre((req, res, next) => {
    res.once('finish', () => {
      if (res.statusCode === 429) metrics.rateLimited(routeOf(req.url ?? ''));
    });
    return next();
  });

  server.get('/metrics', async (req, res) => {
    const access = metricsAccess(req, metricsToken);
    if (access === 'unauthorized') {
      return sendError(res, 401, 'Unauthorized', 'Send METRICS_TOKEN as a bearer token.', { 'WWW-Authenticate': 'Bearer realm="metrics"' });
    }
    if (access === 'forbidden') {
      return sendError(res, 403, 'Forbidden', 'Metrics are served to this machine, or with the right METRICS_TOKEN.');
    }
    const text = await metrics.text();
    res.setHeader('Content-Type', metrics.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.sendRaw(200, text);
  });
}

export type MetricsAccess = 'allowed' | 'unauthorized' | 'forbidden';

/** Who may read the metrics: a presented token must match; without one, only a direct loopback client. */
export function metricsAccess(req: Pick<Request, 'headers' | 'socket'>, metricsToken: string | undefined): MetricsAccess {
  const header = req.headers.authorization;
  const presented = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
  if (metricsToken && presented !== undefined) return sameSecret(presented, metricsToken) ? 'allowed' : 'forbidden';
  if (isDirectLoopback(req)) return 'allowed';
  return metricsToken && header === undefined ? 'unauthorized' : 'forbidden';
}

/**
 * A client on this machine that did not come through a proxy: a reverse proxy on the same host would make every
 * public request look local, so a forwarded request never counts as loopback.
 */
function isDirectLoopback(req: Pick<Request, 'headers' | 'socket'>): boolean {
  if (req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined) return false;
  const address = req.socket?.remoteAddress ?? '';
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}

/** Constant-time comparison; hashing first makes both sides the same length, so the length leaks nothing either. */
function sameSecret(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

function routeOf(url: string): 'messages' | 'directline' | 'other' {
  if (url.startsWith(MESSAGES_PATH)) return 'messages';
  if (url.startsWith(DIRECT_LINE_PATH)) return 'directline';
  return 'other';
}
