import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { FileKeptBuilds, KEPT_BUILD_FORMAT, type KeptBuild } from "../../../src/core/verification/kept-builds.js";
import { tempDir } from "../../helpers/fixture.js";

const build = (content: string): KeptBuild => ({
  format: KEPT_BUILD_FORMAT,
  id: "solc-0_8_37-abc",
  solcLongVersion: "0.8.37+commit.f401782d",
  input: { language: "Solidity", sources: { "project/contracts/A.sol": { content } }, settings: {} },
  contracts: { "contracts/A.sol:A": { inputSourceName: "project/contracts/A.sol", creationCodeLength: 10, libraries: [] } },
});

describe("a kept build is written once and never changed", () => {
  it("keeps the first copy of a build id: a later one (sources edited since) does not replace it", async () => {
    const dir = await tempDir();
    const builds = new FileKeptBuilds(dir);
    await builds.keep(build("contract A { uint x; }"));
    await builds.keep(build("contract A { uint y; }"));

    expect((await builds.read("solc-0_8_37-abc"))?.input.sources["project/contracts/A.sol"]?.content).to.equal("contract A { uint x; }");
    // Atomic writes leave no temp file behind; the file is stable JSON with a trailing newline.
    expect(await readdir(path.join(dir, "build-info"))).to.deep.equal(["solc-0_8_37-abc.json"]);
    expect(await readFile(path.join(dir, "build-info", "solc-0_8_37-abc.json"), "utf8")).to.match(/\n$/);
  });

  it("reads an unknown build as absent, and refuses an id that would leave the directory", async () => {
    const builds = new FileKeptBuilds(await tempDir());
    expect(await builds.read("solc-0_8_37-none")).to.equal(undefined);
    expect(() => builds.file("../../etc/passwd")).to.throw(/Invalid build info id/);
  });
});
