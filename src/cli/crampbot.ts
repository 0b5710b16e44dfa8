import type { CliIo } from './cliIo';
import { chat } from './chat';
import { classify } from './classify';
import { triage } from './triage';
import { evaluate } from './eval';
import { lexiconWords } from './lexiconWords';
import { facts } from './facts';

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { summary: string; run: Command }> = {
  chat: { summary: 'talk to the bot in the terminal', run: chat },
  classify: { summary: 'stdin lines → JSON lines {"text","intent","score"}', run: classify },
  triage: { summary: 'stdin lines → JSON lines {"text","level","rules"}', run: triage },
  facts: { summary: 'stdin lines → JSON lines {"text","now","site","when","triggers"}', run: facts },
  eval: { summary: 'cross-validate the intent classifier (--train a.jsonl --test b.jsonl, --json)', run: evaluate },
  'lexicon-words': { summary: 'rewrite corpus/understanding/real-words.txt after editing the lexicon', run: lexiconWords },
};

export async function main(argv: string[], io: CliIo = process): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    const usage = Object.entries(COMMANDS).map(([key, { summary }]) => `  crampbot ${key.padEnd(9)} ${summary}`);
    (name && name !== 'help' && name !== '--help' ? io.stderr : io.stdout).write(`Usage:\n${usage.join('\n')}\n`);
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  return command.run(args, io);
}
