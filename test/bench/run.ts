import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** `npm run bench`: runs every test/bench/*.bench file in turn; each prints its own figures. */
async function runAll(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((file) => file.endsWith('.bench.js'))
    .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)))
    .sort();
  for (const file of files) {
    console.log(`\n=== ${file.replace(/\.bench\.js$/, '')} ===`);
    const bench = (await import(join(__dirname, file))) as { run: () => Promise<void> };
    await bench.run();
  }
}

runAll().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
