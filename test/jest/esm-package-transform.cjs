/**
 * Jest 29 loads modules through its own CommonJS require, which cannot load the
 * ESM-only packages NestJS 12 ships. Node itself can (`require(esm)`), so only
 * the tests need this: rewrite such packages to CommonJS as jest reads them.
 */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const ts = require('typescript');

// ESM files rebuild `require`/`__filename`/`__dirname` from `import.meta.url`;
// CommonJS already has them, and redeclaring them is a syntax error.
const COMMONJS_GLOBAL_REBUILT =
  /^const (require|__filename|__dirname) = .*\bimport\.meta\.url\b.*$/gm;
// Elsewhere, `import.meta.url` has no CommonJS meaning; the file's own URL is its equivalent.
const IMPORT_META_URL = /\bimport\.meta\.url\b/g;
const FILE_URL = "require('node:url').pathToFileURL(__filename).href";

function toCommonJsSource(source) {
  return source.replace(COMMONJS_GLOBAL_REBUILT, '').replace(IMPORT_META_URL, FILE_URL);
}

module.exports = {
  getCacheKey(source, path) {
    return createHash('sha1')
      .update(readFileSync(__filename))
      .update(ts.version)
      .update(path)
      .update(source)
      .digest('hex');
  },
  process(source, path) {
    const { outputText, sourceMapText } = ts.transpileModule(toCommonJsSource(source), {
      fileName: path,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        allowJs: true,
        esModuleInterop: true,
        sourceMap: true,
      },
    });
    return { code: outputText, map: sourceMapText };
  },
};
