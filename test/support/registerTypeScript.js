// Lets a child process run crampbot's TypeScript sources directly
// (`node -r ./test/support/registerTypeScript.js src/index.ts`), compiled on the fly by swc as under jest,
// so process-level tests need no tsc build first.
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
