import { expect } from "chai";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { loadCommonJs } from "../../../src/core/truffle/commonjs-loader.js";
import { tempDir } from "../../helpers/temp.js";

/** A `"type": "module"` project with `files` (relative path => source): Node would load its .js as ESM. */
async function moduleProject(files: Record<string, string>): Promise<string> {
  const dir = await tempDir("hhm-cjs-");
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
  for (const [name, source] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), source);
  }
  return dir;
}

describe("loading a CommonJS migration", () => {
  it("evaluates a .js file as CommonJS in a type: module project, with the scope's globals and its own file names", async () => {
    const dir = await moduleProject({});
    const file = path.join(dir, "migrations", "1_initial.js");
    const source = `#!/usr/bin/env node
module.exports = { greeting: greet("truffle"), file: __filename, dir: __dirname, self: this === module.exports };`;
    const exported = loadCommonJs(file, source, { greet: (name: string) => `hello ${name}` }) as Record<string, unknown>;
    expect(exported).to.deep.equal({ greeting: "hello truffle", file, dir: path.dirname(file), self: true });
  });

  it("loads a required CommonJS helper the same way (with the globals), and packages, JSON and node: modules with Node's require", async () => {
    const dir = await moduleProject({
      "migrations/helpers/names.js": `exports.contract = prefix + "Coin"; exports.path = require("node:path").basename(__filename);`,
      "migrations/data.json": JSON.stringify({ supply: 42 }),
      "node_modules/some-package/package.json": JSON.stringify({ name: "some-package", main: "index.js" }),
      "node_modules/some-package/index.js": `module.exports = { fromPackage: typeof prefix };`,
    });
    const file = path.join(dir, "migrations", "2_uses_helper.js");
    const exported = loadCommonJs(
      file,
      `const names = require("./helpers/names"); module.exports = { names, data: require("./data.json"), pkg: require("some-package") };`,
      { prefix: "Meta" },
    );
    expect(exported).to.deep.equal({ names: { contract: "MetaCoin", path: "names.js" }, data: { supply: 42 }, pkg: { fromPackage: "undefined" } });
  });

  it("evaluates required helpers anew on every load (nothing cached across migrations), once within one", async () => {
    const dir = await moduleProject({ "migrations/counter.js": `let n = 0; exports.next = () => ++n;` });
    const file = path.join(dir, "migrations", "3_counts.js");
    const source = `const a = require("./counter"); const b = require("./counter.js"); module.exports = [a.next(), b.next(), a === b];`;
    expect(loadCommonJs(file, source, {})).to.deep.equal([1, 2, true]);
    expect(loadCommonJs(file, source, {})).to.deep.equal([1, 2, true]);
  });

  it("gives a require cycle the partial exports, as Node does", async () => {
    const dir = await moduleProject({
      "migrations/a.js": `exports.early = "a"; const b = require("./b"); exports.fromB = b.sawA;`,
      "migrations/b.js": `exports.sawA = require("./a").early;`,
    });
    const exported = loadCommonJs(path.join(dir, "migrations", "4_cycle.js"), `module.exports = require("./a");`, {});
    expect(exported).to.deep.equal({ early: "a", fromB: "a" });
  });

  it("throws what the file throws, and a syntax error with the file's name", async () => {
    const dir = await moduleProject({});
    const file = path.join(dir, "migrations", "5_bad.js");
    expect(() => loadCommonJs(file, `throw new Error("top level");`, {})).to.throw("top level");
    expect(() => loadCommonJs(file, `module.exports = (;`, {})).to.throw(SyntaxError);
  });
});
