import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LowdbStorage } from '../../src/state/lowdbStorage';
import { lastIntactRecord } from '../../src/state/stateRecord';
import { conversationKey, message, send } from './crampbotHarness';

const ROOT = resolve(__dirname, '../..');
const children: ChildProcess[] = [];
let stateDir: string;

beforeAll(() => {
  stateDir = mkdtempSync(join(tmpdir(), 'crampbot-crash-'));
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(stateDir, { recursive: true, force: true });
});

/** Starts crampbot as a separate process on `stateDir` and resolves to its URL. */
async function startBotProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-r', './test/support/registerTypeScript.js', 'test/storage/crash/crampbotProcess.ts'], {
    cwd: ROOT,
    env: { ...process.env, STATE_DIR: stateDir, NODE_NO_WARNINGS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const port = await new Promise<number>((resolvePort, reject) => {
    let output = '';
    child.stdout!.on('data', (data: Buffer) => {
      output += data.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) resolvePort(Number(match[1]));
    });
    child.stderr!.on('data', (data: Buffer) => (output += data.toString()));
    child.once('exit', (code) => reject(new Error(`bot process exited (${code}): ${output}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

function stateFiles(): string[] {
  return readdirSync(stateDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

it('leaves every state file readable after SIGKILL under load, and answers again after a restart', async () => {
  const first = await startBotProcess();
  const conversations = Array.from({ length: 16 }, (_, index) => `crash-${index}`);
  const answered = new Map(conversations.map((id) => [id, 0]));
  const sent = new Map(conversations.map((id) => [id, 0]));
  let killed = false;

  // Each conversation sends message after message; all of them at once keep writes in flight.
  const load = conversations.map(async (id) => {
    while (!killed) {
      sent.set(id, sent.get(id)! + 1);
      try {
        const reply = await send(first.url, message(id, `my calf cramps at night, message ${sent.get(id)}`));
        if (reply.status === 200 && reply.replies.length > 0) answered.set(id, answered.get(id)! + 1);
      } catch {
        return; // the process is gone
      }
    }
  });
  while ([...answered.values()].reduce((sum, count) => sum + count, 0) < 120) {
    await new Promise((resolveWait) => setTimeout(resolveWait, 10));
  }
  killed = true;
  first.child.kill('SIGKILL');
  await Promise.all(load);

  const files = stateFiles();
  expect(files.filter((file) => file.endsWith('.json')).length).toBeGreaterThanOrEqual(conversations.length);
  for (const file of files.filter((name) => name.endsWith('.json'))) {
    expect(lastIntactRecord(readFileSync(file))).not.toBeNull();
  }
  expect(files.filter((file) => file.includes('.corrupt-'))).toEqual([]);

  // Every answered turn was saved before its answer went out; no turn was counted that was not sent.
  // A fresh instance each time, as a restarted process would read (an instance remembers what it read).
  const before = await new LowdbStorage(stateDir).read(conversations.map(conversationKey));
  for (const id of conversations) {
    const count = before[conversationKey(id)]?.turnCount ?? 0;
    expect(count).toBeGreaterThanOrEqual(answered.get(id)!);
    expect(count).toBeLessThanOrEqual(sent.get(id)!);
  }

  const second = await startBotProcess();
  for (const id of conversations) {
    const reply = await send(second.url, message(id, 'what helps a cramp right now'));
    expect(reply.status).toBe(200);
    expect(reply.replies.length).toBeGreaterThan(0);
  }
  const after = await new LowdbStorage(stateDir).read(conversations.map(conversationKey));
  for (const id of conversations) {
    expect(after[conversationKey(id)].turnCount).toBe((before[conversationKey(id)]?.turnCount ?? 0) + 1);
  }
  second.child.kill('SIGKILL');
});

it('keeps every acknowledged write when killed again and again while appending and compacting', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'crampbot-crash-writer-'));
  try {
    for (let run = 0; run < 3; run++) {
      const acknowledged = await killWriterAfter(directory, 1_500);
      const damaged: string[] = [];
      const stored = await new LowdbStorage(directory, { onCorruptFile: (path) => damaged.push(path) }).read([...acknowledged.keys()]);
      expect(damaged).toEqual([]);
      for (const [key, count] of acknowledged) {
        // The write in flight when the process died may or may not have landed; nothing before it is lost.
        expect([count, count + 1]).toContain(stored[key]?.count);
      }
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});

/** Runs test/storage/crash/lowdbWriterProcess.ts on `directory`, SIGKILLs it after `writes` acknowledged writes. */
async function killWriterAfter(directory: string, writes: number): Promise<Map<string, number>> {
  const child = spawn(process.execPath, ['-r', './test/support/registerTypeScript.js', 'test/storage/crash/lowdbWriterProcess.ts'], {
    cwd: ROOT,
    env: { ...process.env, STATE_DIR: directory, NODE_NO_WARNINGS: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const acknowledged = new Map<string, number>();
  let seen = 0;
  let pending = '';
  await new Promise<void>((resolveKilled, reject) => {
    child.stdout!.on('data', (data: Buffer) => {
      const lines = (pending + data.toString()).split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const [key, count] = line.split(' ');
        acknowledged.set(key, Number(count));
        if (++seen === writes) child.kill('SIGKILL');
      }
    });
    child.once('exit', (_code, signal) => (signal === 'SIGKILL' ? resolveKilled() : reject(new Error(`writer exited by itself (${_code})`))));
  });
  return acknowledged;
}
