import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { readJsonFile, stableStringify, writeFileAtomic } from "../../src/core/json-file.js";
import { tempDir } from "../helpers/temp.js";

describe("json files", () => {
  it("writes sorted keys, two-space indentation, bigints as strings and a final newline", () => {
    expect(stableStringify({ b: 1n, a: { d: [3, 2], c: undefined } })).to.equal(
      '{\n  "a": {\n    "d": [\n      3,\n      2\n    ]\n  },\n  "b": "1"\n}\n',
    );
  });

  it("writes atomically, leaving no temporary file behind", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "nested", "31337.json");
    await writeFileAtomic(file, "one");
    await writeFileAtomic(file, "two");
    expect(await readFile(file, "utf8")).to.equal("two");
    expect(await readdir(path.dirname(file))).to.deep.equal(["31337.json"]);
  });

  it("reads a missing file as undefined", async () => {
    expect(await readJsonFile(path.join(await tempDir(), "none.json"))).to.equal(undefined);
  });
});
