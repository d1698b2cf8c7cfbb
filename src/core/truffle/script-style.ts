/**
 * How a migration file is loaded and called, decided per file:
 *
 * - `esm`: an ES module (`.ts`, `.mts`, `.mjs`, or a `.js` file with `import`/`export`
 *   statements): imported, its default export called with the migration context.
 * - `commonjs`: a `.cjs` file, or a `.js` file without `import`/`export` that uses `module.exports`,
 *   `exports.x =` or `require(...)` — Truffle's format. It is loaded as CommonJS whatever the
 *   project's package type, with Truffle's globals (`artifacts`, `web3`) in scope.
 */
export type ModuleFormat = "esm" | "commonjs";

/** How a CommonJS migration's exported function is called. */
export type CallingConvention =
  /** Truffle 4/5: `function (deployer, network, accounts)`. */
  | "truffle"
  /** TIP #1: `function (accounts, done)`. */
  | "tip"
  /** This plugin's own: `function (ctx)` / `async ({ deploy, registry })`. */
  | "context";

/** Source without comments and string contents, so keywords inside them don't count. */
function code(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/(^|[^:\\])\/\/.*$/gm, "$1")
    .replace(/`(?:\\[\s\S]|[^`\\])*`|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, '""');
}

export function moduleFormat(fileName: string, source: string): ModuleFormat {
  if (/\.cjs$/.test(fileName)) {
    return "commonjs";
  }
  if (!/\.js$/.test(fileName)) {
    return "esm";
  }
  const text = code(source);
  if (/^\s*(import\s*[\w{*"]|export\s)/m.test(text)) {
    return "esm";
  }
  return /\bmodule\.exports\b|\bexports\.\w+\s*=|\brequire\s*\(/.test(text) ? "commonjs" : "esm";
}

/** The parameter list of `fn` as written, e.g. `["deployer", "network", "accounts"]`. */
export function parameterNames(fn: (...args: never[]) => unknown): string[] {
  const text = code(Function.prototype.toString.call(fn));
  let list: string;
  const arrow = /^(?:async\s+)?([\w$]+)\s*=>/.exec(text);
  if (arrow !== null) {
    list = arrow[1]!;
  } else {
    const open = text.indexOf("(");
    if (open < 0) {
      return [];
    }
    let depth = 0;
    let close = open;
    for (; close < text.length; close++) {
      const c = text[close];
      if (c === "(" || c === "{" || c === "[") depth++;
      if (c === ")" || c === "}" || c === "]") depth--;
      if (depth === 0) break;
    }
    list = text.slice(open + 1, close);
  }
  const names: string[] = [];
  let depth = 0;
  let current = "";
  for (const c of list) {
    if (c === "(" || c === "{" || c === "[") depth++;
    if (c === ")" || c === "}" || c === "]") depth--;
    if (c === "," && depth === 0) {
      names.push(current.trim());
      current = "";
    } else {
      current += c;
    }
  }
  if (current.trim() !== "") {
    names.push(current.trim());
  }
  return names;
}

/**
 * Decides how to call a CommonJS migration function from its parameters: a destructured first
 * parameter (or one named `ctx`/`context`) is this plugin's context style; a first parameter named
 * `accounts`, or a second named `done`/`callback`/`cb`/`next`, is TIP #1's `(accounts, done)`;
 * anything else is Truffle's `(deployer, network, accounts)`.
 */
export function callingConvention(fn: (...args: never[]) => unknown): CallingConvention {
  const [first = "", second = ""] = parameterNames(fn).map((p) => p.replace(/=[\s\S]*$/, "").trim());
  if (first.startsWith("{") || /^(ctx|context)$/.test(first)) {
    return "context";
  }
  if (first === "accounts" || /^(done|callback|cb|next)$/.test(second)) {
    return "tip";
  }
  return "truffle";
}

/** Names passed to `artifacts.require` as literals, to load their artifacts before the script runs. */
export function requiredArtifactNames(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/\bartifacts\s*\.\s*require\s*\(\s*(["'`])([^"'`]+)\1\s*\)/g)) {
    names.add(match[2]!);
  }
  return [...names];
}

/**
 * Capitalised identifiers the script uses like contract abstractions (`MyContract.new(`,
 * `Hub.deployed(`, `X.address`) without declaring them: TIP #1 scripts use contracts as globals.
 */
export function undeclaredContractNames(source: string): string[] {
  const text = code(source);
  const names = new Set<string>();
  for (const match of text.matchAll(/(?<![\w$.])([A-Z][\w$]*)\s*\.\s*(?:new|deployed|at|address|link|isDeployed)\b/g)) {
    names.add(match[1]!);
  }
  return [...names].filter(
    (name) => !new RegExp(`\\b(?:var|let|const|function|class)\\s+${name}\\b|[{,]\\s*${name}\\s*[,}:=]`).test(text),
  );
}
