import type { Response } from 'restify';

/**
 * Sends a client or server error as a small JSON body `{ error: { code, message } }`.
 * @remarks The message is written for the caller; it never carries a stack trace or input text.
 */
export function sendError(res: Response, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(headers)) res.header(name, value);
  res.send(status, { error: { code, message } });
}
