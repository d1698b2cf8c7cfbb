import { createRequire } from "node:module";
import path from "node:path";
import { compileFunction } from "node:vm";

/**
 * Evaluates `source` as a CommonJS module, whatever the nearest package.json's `"type"` says
 * (Node would treat a `.js` file in a `"type": "module"` project as ESM), with `scope`'s entries
 * as extra free variables — Truffle's globals. Its `require` resolves from the file, as Node's
 * would. Nothing is cached: every load evaluates the file anew. Returns `module.exports`.
 */
export function loadCommonJs(file: string, source: string, scope: Readonly<Record<string, unknown>>): unknown {
  const names = Object.keys(scope);
  const body = source.startsWith("#!") ? `//${source}` : source;
  const fn = compileFunction(body, ["exports", "require", "module", "__filename", "__dirname", ...names], { filename: file });
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  fn.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file), ...names.map((n) => scope[n]));
  module.loaded = true;
  return module.exports;
}
