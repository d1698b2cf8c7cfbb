import { readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { runHardhat } from "../helpers/cli.js";
import { fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { liveLookingNode } from "../helpers/live-looking-node.js";
import { deployToken } from "../helpers/migrations.js";
import { rpc } from "../helpers/rpc.js";

const TOKEN_ARTIFACT = path.join(fixtureRoot("basic"), "artifacts", "contracts", "Token.sol", "Token.json");
const deployedBytecode = async () => ((JSON.parse(await readFile(TOKEN_ARTIFACT, "utf8")) as { deployedBytecode: string }).deployedBytecode).toLowerCase();

describe("a live migrate deploys the production build of the contracts", function () {
  const live = liveLookingNode({ build: false });

  after(async () => {
    // Leave the fixture's artifacts as the other tests build them (the default profile).
    await runHardhat(fixtureRoot("basic"), ["build", "--quiet"]);
  });

  const migrateAndReadCode = async (extra: string[]) => {
    const registryDir = await tempDir("hhm-production-");
    const env = { MIGRATIONS_TEST_RPC_URL: live.url, MIGRATIONS_TEST_DIR: await migrationsDir({ "1_token.js": deployToken }), MIGRATIONS_TEST_REGISTRY_DIR: registryDir };
    const run = await runHardhat(fixtureRoot("basic"), [...extra, "migrate", "--network", "testnode", "--yes"], env);
    expect(run.code, run.stdout + run.stderr).to.equal(0);
    const registry = JSON.parse(await readFile(path.join(registryDir, "31337.json"), "utf8")) as { contracts: { Token: { address: string } } };
    return ((await rpc(live.node.url, "eth_getCode", [registry.contracts.Token.address, "latest"])) as string).toLowerCase();
  };

  it("eth_getCode equals the production profile's deployedBytecode, and not the default profile's (optimizer off)", async () => {
    // Start from the default profile's artifacts, as after `npx hardhat test` or `npx hardhat build`.
    expect((await runHardhat(fixtureRoot("basic"), ["build", "--quiet"])).code).to.equal(0);
    const onChain = await migrateAndReadCode([]);

    expect((await runHardhat(fixtureRoot("basic"), ["build", "--quiet", "--build-profile", "production"])).code).to.equal(0);
    const production = await deployedBytecode();
    expect((await runHardhat(fixtureRoot("basic"), ["build", "--quiet", "--build-profile", "default"])).code).to.equal(0);
    const unoptimized = await deployedBytecode();

    expect(production, "the fixture's profiles differ (optimizer)").to.not.equal(unoptimized);
    expect(onChain).to.equal(production);

    // Another profile for one run: Hardhat's global --build-profile.
    expect(await migrateAndReadCode(["--build-profile", "default"])).to.equal(unoptimized);
  });
});
