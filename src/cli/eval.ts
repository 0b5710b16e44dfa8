import type { CliIo } from './crampbot';

export async function evaluate(_args: string[], io: CliIo): Promise<number> {
  io.stderr.write('crampbot eval: not built yet\n');
  return 1;
}
