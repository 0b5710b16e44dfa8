import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const AZURITE = resolve(__dirname, '../../node_modules/.bin/azurite-blob');
// Azurite's published development account key (not a secret).
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  port: number;
  connectionString: string;
  /** Stops the emulator (as when Azure becomes unreachable); its in-memory data is lost. */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  /** Stops it for good (afterAll). */
  dispose(): Promise<void>;
}

/** Starts Azurite's blob service in memory on a random loopback port, telemetry off. */
export async function startAzurite(): Promise<Azurite> {
  const workspace = mkdtempSync(join(tmpdir(), 'crampbot-azurite-'));
  let child: ChildProcess | undefined;
  let port = 0;

  const start = async () => {
    const args = ['--blobHost', '127.0.0.1', '--blobPort', String(port), '--inMemoryPersistence', '--extentMemoryLimit', '50'];
    args.push('--disableTelemetry', '--skipApiVersionCheck', '--silent');
    const azurite = spawn(AZURITE, args, { cwd: workspace, stdio: ['ignore', 'pipe', 'pipe'] });
    child = azurite;
    port = await new Promise<number>((resolvePort, reject) => {
      let output = '';
      const onData = (data: Buffer) => {
        output += data.toString();
        const match = /listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (match) resolvePort(Number(match[1]));
      };
      azurite.stdout!.on('data', onData);
      azurite.stderr!.on('data', onData);
      azurite.once('exit', (code) => reject(new Error(`azurite exited (${code}): ${output}`)));
    });
  };

  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolveExit) => {
      running.once('exit', () => resolveExit());
      running.kill('SIGTERM');
    });
  };

  await start();
  return {
    port,
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${ACCOUNT_KEY};` +
      `BlobEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`,
    start,
    stop,
    dispose: async () => {
      await stop();
      rmSync(workspace, { recursive: true, force: true });
    },
  };
}
