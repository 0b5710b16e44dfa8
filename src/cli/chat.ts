import type { CliIo } from './crampbot';

export async function chat(_args: string[], io: CliIo): Promise<number> {
  io.stderr.write('crampbot chat: not built yet\n');
  return 1;
}
