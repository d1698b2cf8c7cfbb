import { readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import type { SafeProposal } from "../../src/core/safe/safe-proposal.js";
import { runHardhat, type CliResult } from "../helpers/cli.js";
import { fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";
import { deploySafe, type DeployedSafe } from "../helpers/safe.js";

const DEPLOYER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
const OWNERS = ["0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "0x90F79bf6EB2c4f870365E785982E1f101E93b906"];

describe("a Safe proposal made on a dev node that restarted is made again, not refused as a changed call (hardhat node, CLI)", function () {
  let node: RunningNode | undefined;
  let safe: DeployedSafe | undefined;

  after(async () => {
    safe?.provider.destroy();
    await node?.stop();
  });

  it("after the restart the Box has another address: migrate says the proposal's chain is gone and proposes the call on the new Box", async function () {
    this.timeout(240_000);
    const registryDir = await tempDir("hhm-safe-restart-");
    node = await startHardhatNode(fixtureRoot("safe"));
    const port = node.port;
    safe = await deploySafe(node.url, DEPLOYER, OWNERS, 2);
    const dir = await migrationsDir({
      "1_box.js": `export default async function ({ deploy }) { const box = await deploy("Box"); await (await box.getFunction("transferOwnership")("${safe.address}")).wait(); }\n`,
      "2_set_value.js": `export default async function ({ safe }) { await safe("${safe.address}").call("Box", "setValue", [5n]); }\n`,
    });
    const migrate = (): Promise<CliResult> =>
      runHardhat(fixtureRoot("safe"), ["migrate", "--network", "testnode"], { MIGRATIONS_TEST_RPC_URL: node!.url, MIGRATIONS_TEST_DIR: dir, MIGRATIONS_TEST_REGISTRY_DIR: registryDir });
    const proposals = async () => (JSON.parse(await readFile(path.join(registryDir, "31337.safe.json"), "utf8")) as { proposals: SafeProposal[] }).proposals;

    const first = await migrate();
    expect(first.code, first.stdout + first.stderr).to.equal(3);
    const [before] = await proposals();

    safe.provider.destroy();
    await node.stop();
    node = await startHardhatNode(fixtureRoot("safe"), port);
    safe = await deploySafe(node.url, DEPLOYER, OWNERS, 2);
    // One more transaction from the deployer: the Box lands at another address this time.
    await (await (await safe.provider.getSigner(DEPLOYER)).sendTransaction({ to: DEPLOYER, value: 1n })).wait();

    const second = await migrate();
    const out = second.stdout + second.stderr;
    expect(second.code, out).to.equal(3);
    expect(out).to.contain(`The Safe transaction ${before!.safeTxHash} was proposed on a chain this node no longer has`);
    const [after] = await proposals();
    const registry = JSON.parse(await readFile(path.join(registryDir, "31337.json"), "utf8")) as { contracts: Record<string, { address: string }> };
    expect(after!.transaction.to).to.equal(registry.contracts.Box!.address).and.not.equal(before!.transaction.to);
    expect(out).to.contain(`proposed Safe transaction ${after!.safeTxHash} (nonce 0)`);
  });
});
