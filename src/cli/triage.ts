import type { CliIo } from './crampbot';

export async function triage(_args: string[], io: CliIo): Promise<number> {
  io.stderr.write('crampbot triage: not built yet\n');
  return 1;
}
