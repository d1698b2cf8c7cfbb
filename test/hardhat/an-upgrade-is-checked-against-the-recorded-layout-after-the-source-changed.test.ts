import { readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { runHardhat } from "../helpers/cli.js";
import { fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";

describe("an upgrade is checked against the layout recorded in the registry, after the contract's source changed", function () {
  let node: RunningNode;

  before(async () => {
    node = await startHardhatNode(fixtureRoot("upgrades"));
  });

  after(async () => {
    await node?.stop();
  });

  it("deploys Box from the CLI, then refuses upgrading to the edited Box, whose old layout no artifact has any more", async () => {
    const registryDir = await tempDir("hhm-registry-");
    const env = { MIGRATIONS_TEST_RPC_URL: node.url, MIGRATIONS_TEST_REGISTRY_DIR: registryDir };
    const first = await runHardhat(fixtureRoot("upgrades"), ["migrate", "--network", "testnode"], {
      ...env,
      MIGRATIONS_TEST_DIR: await migrationsDir({
        "1_deploy_box.js": `export default async function ({ deployProxy, deployer }) { await deployProxy("Box", [42n, await deployer.getAddress()]); }`,
      }),
    });
    expect(first.code, first.stderr).to.equal(0);
    expect(first.stdout).to.match(/Box \(implementation\)\s+0x[0-9a-fA-F]{40}/);
    expect(first.stdout).to.match(/Box \(transparent proxy\)\s+0x[0-9a-fA-F]{40}/);
    const registryFile = path.join(registryDir, "31337.json");
    const recorded = await readFile(registryFile, "utf8");

    // The user edits contracts/Box.sol (here: builds contracts-edited/ instead) and upgrades Box to Box.
    const buildDir = await tempDir("hhm-build-");
    const second = await runHardhat(fixtureRoot("upgrades"), ["migrate", "--network", "testnode"], {
      ...env,
      MIGRATIONS_TEST_SOURCES: "contracts-edited",
      MIGRATIONS_TEST_BUILD_DIR: buildDir,
      MIGRATIONS_TEST_DIR: await migrationsDir({
        "1_deploy_box.js": `export default async function () { throw new Error("already ran"); }`,
        "2_upgrade_box.js": `export default async function ({ upgradeProxy }) { await upgradeProxy("Box", "Box"); }`,
      }),
    });
    expect(second.code).to.not.equal(0);
    const output = second.stdout + second.stderr;
    expect(output).to.contain("HHM220: Upgrading the proxy Box to contracts-edited/Box.sol:Box would corrupt its storage; 3 incompatible variable(s):");
    expect(output).to.contain("slot 0, offset 0: value (uint256) -> value (uint128): shrunk: shrunk from uint256 to uint128");
    expect(output).to.contain("slot 4, offset 0: notes (mapping(uint256 => struct Box.Note)) -> (nothing): removed: removed");
    // The edited Box no longer inherits Initializable: its ERC-7201 namespace would be abandoned.
    expect(output).to.contain(
      "slot erc7201(openzeppelin.storage.Initializable), offset 0: erc7201:openzeppelin.storage.Initializable (namespaced storage) -> (nothing): removed",
    );
    expect(output).to.contain("network migration");
    expect(output).to.not.match(/\n\s+at /, "no stack trace");
    expect(await readFile(registryFile, "utf8")).to.equal(recorded);
  });
});
