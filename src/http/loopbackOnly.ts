import { isIP } from 'node:net';

/**
 * True when a URL points at this machine (127.0.0.0/8, ::1 or localhost).
 * @remarks Without MICROSOFT_APP_ID nothing authenticates the caller, so replies may only go to a
 * loopback serviceUrl: otherwise anyone could use the bot as an open relay to post to any URL.
 */
export function isLoopbackUrl(serviceUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || /^::ffff:(127\.|7f[0-9a-f]{2}:)/.test(host);
  return false;
}
