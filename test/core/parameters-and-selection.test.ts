import { writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { MigrationsError } from "../../src/core/errors.js";
import { skipReason } from "../../src/core/migration-selection.js";
import { createMigrationParameters, readParametersFile } from "../../src/core/parameters.js";
import { tempDir } from "../helpers/fixture.js";

describe("parameters files and migration selection", () => {
  it("a parameters file turns strings ending in n into bigints, at any depth, and keeps everything else", async () => {
    const file = path.join(await tempDir(), "sepolia.json");
    await writeFile(file, JSON.stringify({ supply: "1000000000000000000000n", owner: "0xabc", caps: ["1n", "2"], nested: { fee: "-3n" }, n: "n" }));
    expect(await readParametersFile(file, false)).to.deep.equal({
      supply: 10n ** 21n,
      owner: "0xabc",
      caps: [1n, "2"],
      nested: { fee: -3n },
      n: "n",
    });
  });

  it("a missing network file is no parameters; a missing --parameters file or a non-object is an error", async () => {
    const dir = await tempDir();
    expect(await readParametersFile(path.join(dir, "none.json"), false)).to.equal(undefined);
    for (const [content, required] of [[undefined, true], ["[1]", false], ["{", false]] as const) {
      const file = path.join(dir, `f${String(required)}${content ?? ""}.json`);
      if (content !== undefined) {
        await writeFile(file, content);
      }
      const error = await readParametersFile(file, required).catch((e: unknown) => e);
      expect(MigrationsError.is(error, "INVALID_PARAMETERS_FILE"), String(error)).to.equal(true);
    }
  });

  it("typed reads check the type, and a fallback covers a missing parameter only", () => {
    const params = createMigrationParameters("sepolia", { values: { name: "T", supply: 5n, count: 3, owner: "0x000000000000000000000000000000000000dEaD" }, sources: ["x.json"] });
    expect(params.string("name")).to.equal("T");
    expect(params.bigint("supply")).to.equal(5n);
    expect(params.bigint("count")).to.equal(3n);
    expect(params.address("owner")).to.equal("0x000000000000000000000000000000000000dEaD");
    expect(params.get("absent", 7)).to.equal(7);
    expect(params.get<string>("name", "fallback")).to.equal("T");
    expect(() => params.number("name")).to.throw(/HHM333: The parameter name on sepolia is a string \("T"\), but the migration reads it as a number/);
    expect(() => params.get("absent")).to.throw(/HHM332: The parameter absent is not set on sepolia\. Set: count, name, owner, supply\./);
  });

  it("networks and skipNetworks match a network by name, and every dev chain by \"dev\"; --tags selects by tag", () => {
    const sepolia = { network: "sepolia", isDevChain: false };
    const local = { network: "localhost", isDevChain: true };
    expect(skipReason({ networks: ["dev"] }, sepolia)).to.equal("only on dev");
    expect(skipReason({ networks: ["dev"] }, local)).to.equal(undefined);
    expect(skipReason({ networks: ["sepolia"] }, sepolia)).to.equal(undefined);
    expect(skipReason({ skipNetworks: ["dev"] }, local)).to.equal("skipped on dev");
    expect(skipReason({ skipNetworks: ["mainnet"] }, sepolia)).to.equal(undefined);
    expect(skipReason({ tags: ["oracle"] }, { ...sepolia, tags: ["oracle"] })).to.equal(undefined);
    expect(skipReason({ tags: ["token"] }, { ...sepolia, tags: ["oracle"] })).to.equal("tagged token (--tags oracle)");
    expect(skipReason({}, { ...sepolia, tags: ["oracle"] })).to.equal("no tag (--tags oracle)");
  });
});
