import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MemoryStorage, type StoreItems } from 'botbuilder';
import { gracefulShutdown } from '../../src/http/shutdown';
import { message, post, replyTexts, startServer } from './httpHarness';

const ROOT = resolve(__dirname, '../..');

/** Memory storage whose writes take a while, so a turn is still running when the shutdown starts. */
class SlowStorage extends MemoryStorage {
  writesFinished = 0;
  async write(changes: StoreItems): Promise<void> {
    await new Promise((done) => setTimeout(done, 300));
    await super.write(changes);
    this.writesFinished += 1;
  }
}

describe('graceful shutdown', () => {
  it('stops taking requests, finishes the turn in flight and its state writes, then resolves', async () => {
    const storage = new SlowStorage();
    const harness = await startServer({ storage });
    const inFlight = post(harness.url, message('what helps a cramp right now', { conversation: { id: 'in-flight' } }));
    while (harness.app.adapter.turns.size === 0) await new Promise((done) => setTimeout(done, 5));

    const shutdown = gracefulShutdown({ server: harness.server, turns: harness.app.adapter.turns, storage, logger: harness.app.logger });
    const late = await post(harness.url, message('hello', { conversation: { id: 'too-late' } })).catch(() => ({ status: 0 }));
    expect([0, 503]).toContain(late.status);

    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(replyTexts(answered.json).length).toBeGreaterThan(0);
    await expect(shutdown).resolves.toBe(true);
    expect(storage.writesFinished).toBeGreaterThan(0);
    expect(harness.app.adapter.turns.size).toBe(0);
    expect(harness.server.server.listening).toBe(false);
  });
});

describe('the crampbot process', () => {
  let stateDir: string;
  beforeAll(() => {
    stateDir = mkdtempSync(join(tmpdir(), 'crampbot-sigterm-'));
  });
  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

  it('exits 0 on SIGTERM after answering, with its state on disk', async () => {
    const child = spawn(process.execPath, ['-r', join(__dirname, '../support/registerTypeScript.js'), join(ROOT, 'src/index.ts')], {
      cwd: stateDir,
      env: { PATH: process.env.PATH, PORT: '0', STORAGE: 'lowdb', STATE_DIR: stateDir, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const url = await new Promise<string>((found, failed) => {
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        const match = /"url":"(http:\/\/[^"]+)"/.exec(stdout);
        if (match) found(match[1]);
      });
      child.on('exit', () => failed(new Error(`crampbot exited before listening: ${stderr}`)));
    });

    const { status, json } = await post(url, message('what helps a cramp right now', { conversation: { id: 'sigterm' } }));
    expect(status).toBe(200);
    expect(replyTexts(json).length).toBeGreaterThan(0);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('"msg":"shut down"');
    expect(stderr).toBe('');
    expect(readdirSync(stateDir).length).toBeGreaterThan(0);
  });
});
