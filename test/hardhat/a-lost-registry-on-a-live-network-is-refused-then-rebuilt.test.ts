import { readFile, rename } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { runHardhat } from "../helpers/cli.js";
import { fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { liveLookingNode } from "../helpers/live-looking-node.js";
import { deployToken } from "../helpers/migrations.js";
import { blockNumber } from "../helpers/rpc.js";

interface RegistryFile {
  migrator: { address: string; transactionHash: string; blockNumber: number; deployer: string };
  contracts: Record<string, { address: string; artifact: string; transactionHash: string; blockNumber: number; deployer: string; args: unknown[]; migration: number }>;
}

const deployLibrary = `
export default async function ({ deploy }) {
  await deploy("ConvertLib");
}`;

describe("a lost registry on a live network is refused, then rebuilt from the journal and the chain", function () {
  const live = liveLookingNode();

  it("migrate refuses to start over and names the rebuild; the rebuilt registry equals the lost one", async () => {
    const dir = await migrationsDir({ "1_token.js": deployToken, "2_lib.js": deployLibrary });
    const registryDir = await tempDir("hhm-lost-");
    const env = { MIGRATIONS_TEST_RPC_URL: live.url, MIGRATIONS_TEST_DIR: dir, MIGRATIONS_TEST_REGISTRY_DIR: registryDir };
    const hardhat = (...args: string[]) => runHardhat(fixtureRoot("basic"), [...args, "--network", "testnode"], env);
    const first = await hardhat("migrate", "--yes", "--no-compile");
    expect(first.code, first.stderr).to.equal(0);
    const file = path.join(registryDir, "31337.json");
    const original = JSON.parse(await readFile(file, "utf8")) as RegistryFile;

    // The registry is moved away (as the HHM150 hint used to suggest); the journal stays.
    await rename(file, `${file}.moved`);
    const block = await blockNumber(live.node.url);
    const refused = await hardhat("migrate", "--yes", "--no-compile");
    expect(refused.code).to.not.equal(0);
    const out = refused.stdout + refused.stderr;
    expect(out, out)
      .to.contain("HHM260")
      .and.to.contain(`the Migrator at ${original.migrator.address}`)
      .and.to.contain("npx hardhat migrate registry rebuild --network testnode");
    expect(await blockNumber(live.node.url), "nothing was sent").to.equal(block);

    const rebuilt = await hardhat("migrate", "registry", "rebuild");
    expect(rebuilt.code, rebuilt.stderr).to.equal(0);
    expect(rebuilt.stdout).to.contain(`Migrator ${original.migrator.address}: 2 completed migration(s) (1, 2)`);
    const registry = JSON.parse(await readFile(file, "utf8")) as RegistryFile;
    expect(registry.migrator).to.deep.equal(original.migrator);
    expect(Object.keys(registry.contracts)).to.deep.equal(Object.keys(original.contracts));
    for (const [name, entry] of Object.entries(original.contracts)) {
      const { address, artifact, transactionHash, blockNumber: minedIn, deployer, args, migration } = entry;
      expect(registry.contracts[name], name).to.deep.include({ address, artifact, transactionHash, blockNumber: minedIn, deployer, args, migration });
    }

    const again = await hardhat("migrate", "--yes", "--no-compile");
    expect(again.code, again.stderr).to.equal(0);
    expect(again.stdout).to.contain("Nothing to migrate on testnode (chain 31337): 2 migration(s) already completed.");
    expect(await blockNumber(live.node.url)).to.equal(block);

    const twice = await hardhat("migrate", "registry", "rebuild");
    expect(twice.code).to.not.equal(0);
    expect(twice.stdout + twice.stderr).to.contain("HHM262").and.to.contain("never overwrites a registry");
  });
});
