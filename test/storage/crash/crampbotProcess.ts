// A crampbot process on lowdb state for the crash test: STATE_DIR from the environment, port 0,
// prints "listening <port>" when ready. The real composition root and HTTP server.
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../../src/config';
import { createLogger } from '../../../src/logger';
import { createCrampbot } from '../../../src/index';
import { createServer } from '../../../src/http/server';

const config = loadConfig({ STORAGE: 'lowdb', STATE_DIR: process.env.STATE_DIR, LOG_LEVEL: 'warn' });
const app = createCrampbot(config, createLogger(config));
const unlimited = { limit: 1_000_000, windowMs: 1000 };
const server = createServer({ ...app, limits: { perClient: unlimited, perConversation: unlimited } });
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
