import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { compileFunction } from "node:vm";

import { moduleFormat } from "./script-style.js";

/**
 * Evaluates `source` as a CommonJS module, whatever the nearest package.json's `"type"` says
 * (Node would treat a `.js` file in a `"type": "module"` project as ESM), with `scope`'s entries
 * as extra free variables — Truffle's globals. Its `require` resolves from the file, as Node's
 * would; a required `.js` file that is CommonJS by its content (a helper next to the migrations)
 * is loaded the same way, once per migration, so it works in a `"type": "module"` project too.
 * Anything else (packages, JSON, `.cjs`) is Node's `require`. Nothing is cached across
 * migrations: every run evaluates the files anew. Returns `module.exports`.
 */
export function loadCommonJs(file: string, source: string, scope: Readonly<Record<string, unknown>>): unknown {
  return load(file, source, scope, new Map());
}

interface CommonJsModule {
  exports: unknown;
  readonly filename: string;
  readonly id: string;
  loaded: boolean;
}

function load(file: string, source: string, scope: Readonly<Record<string, unknown>>, loaded: Map<string, CommonJsModule>): unknown {
  const module: CommonJsModule = { exports: {}, filename: file, id: file, loaded: false };
  loaded.set(file, module);
  const names = Object.keys(scope);
  const body = source.startsWith("#!") ? `//${source}` : source;
  const fn = compileFunction(body, ["exports", "require", "module", "__filename", "__dirname", ...names], { filename: file });
  fn.call(module.exports, module.exports, requireFrom(file, scope, loaded), module, file, path.dirname(file), ...names.map((n) => scope[n]));
  module.loaded = true;
  return module.exports;
}

function requireFrom(file: string, scope: Readonly<Record<string, unknown>>, loaded: Map<string, CommonJsModule>): NodeJS.Require {
  const nodeRequire = createRequire(file);
  const local = (id: string): unknown => {
    const resolved = nodeRequire.resolve(id);
    if (!/\.js$/.test(resolved) || resolved.split(path.sep).includes("node_modules")) {
      return nodeRequire(id);
    }
    const known = loaded.get(resolved);
    if (known !== undefined) {
      return known.exports;
    }
    const source = readFileSync(resolved, "utf8");
    return moduleFormat(resolved, source) === "commonjs" ? load(resolved, source, scope, loaded) : nodeRequire(id);
  };
  return Object.assign(local, { resolve: nodeRequire.resolve, cache: nodeRequire.cache, main: nodeRequire.main, extensions: nodeRequire.extensions }) as NodeJS.Require;
}
