#!/usr/bin/env node
// The CLI runs from the build; build on first use so `npx crampbot` works on a fresh clone.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { execSync } = require('node:child_process');
const root = join(__dirname, '..');
const entry = join(root, 'dist', 'src', 'cli', 'crampbot.js');
if (!existsSync(entry)) execSync('npx tsc -p tsconfig.json', { cwd: root, stdio: 'inherit' });
require(entry).main(process.argv.slice(2)).then(
  (code) => process.exit(code ?? 0),
  (error) => {
    console.error(`crampbot: ${error.message}`);
    process.exit(1);
  },
);
