import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../../..');

/**
 * Node code that loads this repository's TypeScript as CommonJS (transpiled per file, no type
 * check) and resolves `@cti/<lib>` to its sources, as jest's mapping does.
 */
function loaderSource(): string {
  return `
const ts = require('typescript');
const Module = require('node:module');
const { join } = require('node:path');
const { readFileSync } = require('node:fs');
const root = ${JSON.stringify(REPO_ROOT)};
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const lib = /^@cti\\/([^/]+)$/.exec(request);
  return resolveFilename.call(this, lib ? join(root, 'libs', lib[1], 'src') : request, ...rest);
};
const compilerOptions = {
  module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true,
  experimentalDecorators: true, emitDecoratorMetadata: true, resolveJsonModule: true,
};
Module._extensions['.ts'] = (module, file) => {
  const out = ts.transpileModule(readFileSync(file, 'utf8'), { fileName: file, compilerOptions });
  module._compile(out.outputText, file);
};`;
}

/**
 * Runs a TypeScript entry file of this repository as the main module of a child Node process
 * (so its `require.main === module` branch runs), for tests of whole-process behaviour.
 */
export function spawnTypeScriptMain(
  entry: string,
  env: Readonly<Record<string, string | undefined>>,
): ChildProcess {
  const run = `${loaderSource()}\nModule._load(${JSON.stringify(resolve(entry))}, null, true);`;
  return spawn(process.execPath, ['-e', run], {
    cwd: REPO_ROOT,
    env: { ...env, PATH: process.env.PATH },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
