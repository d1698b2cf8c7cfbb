import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { createFixtureHre, tempDir } from "../helpers/fixture.js";

const META_COIN = "0x9A676e781A523b5d0C0e43731313A708CB607508";

describe("migrate import truffle without a reachable Migrations contract", () => {
  it("needs --completed (HHM191), then records the build's deployments and the migrations up to it", async () => {
    const build = path.join(await tempDir("hhm-truffle-build-"), "build", "contracts");
    await mkdir(build, { recursive: true });
    await writeFile(
      path.join(build, "MetaCoin.json"),
      JSON.stringify({ contractName: "MetaCoin", networks: { "31337": { address: META_COIN.toLowerCase(), links: {} }, "1": { address: "0x0000000000000000000000000000000000000001" } } }),
    );
    await writeFile(path.join(build, "ConvertLib.json"), JSON.stringify({ contractName: "ConvertLib", networks: {} }));
    const hre = await createFixtureHre("truffle-metacoin");
    const connection = await hre.network.create();

    const refused = await connection.migrations.importTruffle({ buildDir: build }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(refused?.message).to.contain("HHM191").and.to.contain("no Migrations contract deployed on this chain");

    const result = await connection.migrations.importTruffle({ buildDir: build, completed: 2 });
    expect(result.imported).to.deep.equal(["MetaCoin"]);
    expect(result.recorded).to.deep.equal([1, 2]);
    const entry = await connection.migrations.registry.get("MetaCoin");
    expect(entry.address).to.equal(META_COIN);
    expect(entry.artifact).to.equal("contracts/MetaCoin.sol:MetaCoin");
    expect(entry.migration).to.equal(0);
    expect((await connection.migrations.status()).rows.map((r) => r.state)).to.deep.equal(["up", "up", "pending"]);

    const again = await connection.migrations.importTruffle({ buildDir: build, completed: 2 });
    expect(again.imported).to.deep.equal([]);
    expect(again.unchanged).to.deep.equal(["MetaCoin"]);
    expect(again.recorded).to.deep.equal([]);

    const missing = await connection.migrations.importTruffle({ buildDir: path.join(build, "nope") }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(missing?.message).to.contain("HHM190");
  });
});
