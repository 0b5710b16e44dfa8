import type { Next, Request, Response } from 'restify';
import { sendError } from './httpError';

export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Reads a JSON request body into `req.body`, for every route.
 * @remarks Unlike restify's bodyParser, it stops buffering as soon as the limit is passed (a huge body
 * costs no memory), answers 413 / 415 / 400 itself, and accepts only JSON: anything else with a body is 415.
 * A request without a body passes through with `req.body` undefined.
 */
export function jsonBody(maxBytes = MAX_BODY_BYTES) {
  return function readJsonBody(req: Request, res: Response, next: Next): void {
    const declared = req.headers['content-length'];
    const chunked = req.headers['transfer-encoding'] !== undefined;
    if (req.method === 'GET' || req.method === 'HEAD' || (!chunked && (declared === undefined || declared === '0'))) {
      return next();
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(type)) {
      return reject(req, res, next, 415, 'UnsupportedMediaType', 'Send the activity as application/json.');
    }
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding !== 'identity') {
      return reject(req, res, next, 415, 'UnsupportedMediaType', 'Compressed request bodies are not accepted.');
    }
    if (declared !== undefined && Number(declared) > maxBytes) {
      return reject(req, res, next, 413, 'PayloadTooLarge', `The request body is larger than ${maxBytes} bytes.`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    const finish = (result: () => void) => {
      if (finished) return;
      finished = true;
      result();
    };
    req.on('data', (chunk: Buffer) => {
      if (finished) return;
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        finish(() => reject(req, res, next, 413, 'PayloadTooLarge', `The request body is larger than ${maxBytes} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => finish(() => next(false)));
    req.on('end', () =>
      finish(() => {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return reject(req, res, next, 400, 'BadRequest', 'The request body is not valid JSON.');
        }
        req.body = body;
        next();
      }),
    );
  };
}

/** Answers at once; the rest of an unwanted body is read and thrown away so the client sees the answer. */
function reject(req: Request, res: Response, next: Next, status: number, code: string, message: string): void {
  if (status === 413 || status === 415) res.header('Connection', 'close');
  sendError(res, status, code, message);
  req.resume();
  next(false);
}
