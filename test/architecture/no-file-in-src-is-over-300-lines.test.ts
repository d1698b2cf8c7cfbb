import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

const SRC = path.resolve(import.meta.dirname, "../../src");
const LIMIT = 300;

/** Files allowed over the limit: the generated Migrator artifact (bytecode and ABI, not code). */
const ALLOWED = new Set(["generated/migrator-artifact.ts"]);

describe("the source tree's files", () => {
  it(`are at most ${LIMIT} lines each (one idea per file)`, async () => {
    const entries = await readdir(SRC, { withFileTypes: true, recursive: true });
    const over: string[] = [];
    for (const entry of entries.filter((e) => e.isFile() && e.name.endsWith(".ts"))) {
      const file = path.relative(SRC, path.join(entry.parentPath, entry.name));
      const lines = (await readFile(path.join(SRC, file), "utf8")).split("\n").length - 1;
      if (lines > LIMIT && !ALLOWED.has(file)) {
        over.push(`${file}: ${lines} lines`);
      }
    }
    expect(entries.length).to.be.greaterThan(50);
    expect(over, "split these by idea").to.deep.equal([]);
  });
});
