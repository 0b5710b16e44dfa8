#!/usr/bin/env node
// The CLI runs from the build. It rebuilds first when there is no build yet or when a source is newer than the
// last build, so `npx crampbot` never answers with yesterday's code.
const { existsSync, readdirSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');

const root = join(__dirname, '..');
const entry = join(root, 'dist', 'src', 'cli', 'crampbot.js');
// tsc rewrites only the files that changed, so the build's age is kept in a stamp of its own.
const stamp = join(root, 'dist', '.crampbot-built');
const SOURCES = ['src', 'dialogs', 'corpus', 'tsconfig.json', 'package.json'];

/** The newest modification time under the given paths (0 when none exists, as in an installed package). */
function newestChange(paths) {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stats = statSync(path);
    if (!stats.isDirectory()) newest = Math.max(newest, stats.mtimeMs);
    else newest = Math.max(newest, newestChange(readdirSync(path).map((name) => join(path, name))));
  }
  return newest;
}

const newestSource = newestChange(SOURCES.map((name) => join(root, name)));

// File times are stored with less precision than they are read back, hence a millisecond of slack.
if (!existsSync(entry) || !existsSync(stamp) || newestSource > statSync(stamp).mtimeMs + 1) {
  process.stderr.write('crampbot: building (sources changed since the last build)…\n');
  // The stamp's time: when the build started, or the newest source if its clock ran ahead (no rebuild loop).
  const builtAt = new Date(Math.ceil(Math.max(Date.now(), newestSource)));
  // Compiler output goes to stderr: stdout carries the commands' JSON lines.
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [root] }), '-p', 'tsconfig.json'], {
      cwd: root,
      stdio: ['ignore', 2, 2],
    });
  } catch {
    process.stderr.write('crampbot: the build failed (see above); fix the sources or run `npm run build`.\n');
    process.exit(1);
  }
  writeFileSync(stamp, `${builtAt.toISOString()}\n`);
  utimesSync(stamp, builtAt, builtAt);
}

require(entry).main(process.argv.slice(2)).then(
  (code) => process.exit(code ?? 0),
  (error) => {
    console.error(`crampbot: ${error.message}`);
    process.exit(1);
  },
);
