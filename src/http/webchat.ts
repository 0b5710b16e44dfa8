import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { RegionServices } from '../triage/triage';
import { CORPUS_DIR, PUBLIC_DIR } from '../paths';
import { DIRECT_LINE_PATH } from './directLine';
import { DIRECT_LINE_TOKEN_PATH, registerDirectLineToken } from './directLineToken';

export interface WebChatDeps {
  config: Config;
  logger: Logger;
  /** The region's services come from the triage engine, so the pages and the bot say the same thing. */
  triage?: { services: Partial<RegionServices> };
  limits?: { trustProxy?: boolean };
}

/** What the page needs to know to connect; never a secret. */
export interface PageSettings {
  /** `service`: get a token from the token route and talk to Azure's Direct Line; `builtin`: this server. */
  directLine: 'service' | 'builtin';
  domain: string;
  tokenUrl: string;
  locale: string;
}

const STATIC_FILES: Record<string, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'styles.css': 'text/css; charset=utf-8',
  'crampbot.svg': 'image/svg+xml',
};

const LOCALES: Record<Config['region'], string> = { uk: 'en-GB', ie: 'en-IE', us: 'en-US', eu: 'en-GB' };
const FALLBACK_EMERGENCY_LINE = 'Chest pain or trouble breathing: call the emergency number now.';

/**
 * Serves the Web Chat page (`GET /`), its script, styles and avatar, and the Web Chat bundle from
 * node_modules (no CDN), plus the Direct Line token route.
 */
export function registerWebChat(server: Server, deps: WebChatDeps): void {
  const { config } = deps;
  const settings: PageSettings = {
    directLine: config.directLineSecret ? 'service' : 'builtin',
    domain: DIRECT_LINE_PATH,
    tokenUrl: DIRECT_LINE_TOKEN_PATH,
    locale: LOCALES[config.region],
  };
  const page = Buffer.from(renderPage(readFileSync(join(PUBLIC_DIR, 'index.html'), 'utf8'), settings, deps.triage?.services.emergencyLine));
  const pageHeaders = {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-cache',
    'Content-Security-Policy': contentSecurityPolicy(settings),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };

  server.get('/', async (req: Request, res: Response) => sendAsset(req, res, { body: page, headers: pageHeaders }));

  const services = deps.triage?.services ?? {};
  const privacyPage = Buffer.from(
    renderPrivacyPage(
      readFileSync(join(PUBLIC_DIR, 'privacy.html'), 'utf8'),
      readFileSync(join(CORPUS_DIR, 'knowledge', 'terms.md'), 'utf8'),
      {
        emergencyLine: services.emergencyLine ?? FALLBACK_EMERGENCY_LINE,
        doctor: services.doctor ?? 'doctor',
        urgentService: services.urgentService ?? 'your doctor',
        emergencyNumber: services.emergencyNumber ?? 'the emergency number',
        stateTtlDays: String(config.stateTtlDays),
      },
      settings.locale,
    ),
  );
  server.get('/privacy', async (req: Request, res: Response) => sendAsset(req, res, { body: privacyPage, headers: pageHeaders }));

  const assets = new Map<string, Asset>();
  for (const [name, type] of Object.entries(STATIC_FILES)) {
    assets.set(name, compressible(readFileSync(join(PUBLIC_DIR, name)), type, 'no-cache'));
  }
  server.get('/static/:file', async (req: Request, res: Response) => {
    const asset = assets.get(String(req.params?.file ?? ''));
    if (!asset) {
      res.send(404, { error: { code: 'NotFound', message: 'No such file.' } });
      return;
    }
    sendAsset(req, res, asset);
  });

  let bundle: Asset | undefined;
  server.get('/static/webchat.js', async (req: Request, res: Response) => {
    // Read and compressed on first use (4 MB, ~1 MB gzipped), then kept.
    bundle ??= compressible(readFileSync(webChatBundlePath()), 'text/javascript; charset=utf-8', 'public, max-age=86400');
    sendAsset(req, res, bundle);
  });

  registerDirectLineToken(server, deps);
}

/**
 * Where `botframework-webchat`'s full bundle is.
 * @remarks `dist/webchat.js` is not in the package's exports map, so it is found next to the package's main file.
 */
export function webChatBundlePath(): string {
  return join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

/** Fills the page template: the region's emergency line, language and connection settings. */
export function renderPage(template: string, settings: PageSettings, emergencyLine = FALLBACK_EMERGENCY_LINE): string {
  // JSON inside a <script> element must not be able to close it.
  const json = JSON.stringify(settings).replace(/</g, '\\u003c');
  return template
    .replaceAll('{{LANG}}', escapeHtml(settings.locale))
    .replaceAll('{{EMERGENCY_LINE}}', escapeHtml(emergencyLine))
    .replaceAll('{{SETTINGS_JSON}}', json);
}

/**
 * The privacy and terms page (the Teams manifest links to it), from the same text the bot gives for
 * "terms": corpus/knowledge/terms.md, its full part, filled for the region.
 */
export function renderPrivacyPage(template: string, termsMarkdown: string, values: Record<string, string>, locale: string): string {
  const body = termsMarkdown.replace(/^---\n[\s\S]*?\n---\n/, '').split('<!-- more -->').pop() ?? '';
  const html = body
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => {
      const filled = paragraph.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
      return `<p>${escapeHtml(filled).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')}</p>`;
    })
    .join('\n      ');
  return template.replaceAll('{{LANG}}', escapeHtml(locale)).replace('{{TERMS_HTML}}', html);
}

function contentSecurityPolicy(settings: PageSettings): string {
  const directLine =
    settings.directLine === 'service' ? ' https://*.botframework.com wss://*.botframework.com' : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Web Chat styles itself with inline <style> elements.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${directLine}`,
    "frame-ancestors 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

interface Asset {
  body: Buffer;
  gzipped?: Buffer;
  headers: Record<string, string>;
}

function compressible(body: Buffer, type: string, cacheControl: string): Asset {
  return {
    body,
    gzipped: gzipSync(body),
    headers: {
      'Content-Type': type,
      'Cache-Control': cacheControl,
      ETag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
    },
  };
}

function sendAsset(req: Request, res: Response, asset: Asset): void {
  const etag = asset.headers.ETag;
  if (etag && req.headers['if-none-match'] === etag) {
    res.writeHead(304, { ETag: etag });
    res.end();
    return;
  }
  const gzip = asset.gzipped && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? asset.gzipped! : asset.body;
  res.writeHead(200, {
    ...asset.headers,
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    'Content-Length': String(body.length),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
