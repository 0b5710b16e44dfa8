import type { CliIo } from './crampbot';

export async function classify(_args: string[], io: CliIo): Promise<number> {
  io.stderr.write('crampbot classify: not built yet\n');
  return 1;
}
