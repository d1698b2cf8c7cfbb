import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { createFixtureHre, tempDir } from "../helpers/fixture.js";

describe("migrate import truffle without a reachable Migrations contract", () => {
  it("needs --completed (HHM211), then records the build's deployments and the migrations up to it", async () => {
    const hre = await createFixtureHre("truffle-metacoin");
    const connection = await hre.network.create();
    // Deployed by "Truffle": ConvertLib, and MetaCoin linked to it.
    const lib = await (await connection.ethers.getContractFactory("ConvertLib")).deploy();
    const libAddress = await lib.getAddress();
    const coin = await (await connection.ethers.getContractFactory("MetaCoin", { libraries: { ConvertLib: libAddress } })).deploy();
    const META_COIN = await coin.getAddress();

    const build = path.join(await tempDir("hhm-truffle-build-"), "build", "contracts");
    await mkdir(build, { recursive: true });
    const write = (name: string, networks: unknown) => writeFile(path.join(build, `${name}.json`), JSON.stringify({ contractName: name, networks }));
    await write("MetaCoin", { "31337": { address: META_COIN.toLowerCase(), links: { ConvertLib: libAddress } }, "1": { address: "0x0000000000000000000000000000000000000001" } });
    await write("ConvertLib", {});
    await write("Gone", { "31337": { address: "0x00000000000000000000000000000000000000ff" } });

    const noCode = await connection.migrations.importTruffle({ buildDir: build, completed: 2 }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(noCode?.message).to.contain("HHM214").and.to.contain("Gone (0x").and.to.contain("Nothing was imported");
    expect(await connection.migrations.registry.has("MetaCoin")).to.equal(false);
    await write("Gone", {});

    const refused = await connection.migrations.importTruffle({ buildDir: build }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(refused?.message).to.contain("HHM211").and.to.contain("no Migrations contract deployed on this chain");

    const result = await connection.migrations.importTruffle({ buildDir: build, completed: 2 });
    expect(result.imported).to.deep.equal(["MetaCoin"]);
    expect(result.recorded).to.deep.equal([1, 2]);
    const entry = await connection.migrations.registry.get("MetaCoin");
    expect(entry.address).to.equal(META_COIN);
    expect(entry.artifact).to.equal("contracts/MetaCoin.sol:MetaCoin");
    expect(entry.migration).to.equal(0);
    expect(entry.libraries).to.deep.equal({ ConvertLib: libAddress });
    expect((await connection.migrations.status()).rows.map((r) => r.state)).to.deep.equal(["up", "up", "pending"]);

    const again = await connection.migrations.importTruffle({ buildDir: build, completed: 2 });
    expect(again.imported).to.deep.equal([]);
    expect(again.unchanged).to.deep.equal(["MetaCoin"]);
    expect(again.recorded).to.deep.equal([]);

    const missing = await connection.migrations.importTruffle({ buildDir: path.join(build, "nope") }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(missing?.message).to.contain("HHM210");
  });
});
