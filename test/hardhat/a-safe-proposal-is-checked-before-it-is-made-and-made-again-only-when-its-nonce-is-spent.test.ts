import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { Contract, Interface, type JsonRpcProvider } from "ethers";

import type { SafeProposal } from "../../src/core/safe/safe-proposal.js";
import { safeTransaction } from "../../src/core/safe/safe-transaction.js";
import { runHardhat, type CliResult } from "../helpers/cli.js";
import { fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";
import { deploySafe, executeSafeTransaction, signSafeTransaction, type DeployedSafe } from "../helpers/safe.js";

const DEPLOYER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
const OWNERS = ["0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "0x90F79bf6EB2c4f870365E785982E1f101E93b906"];
const BOX = new Interface(["function value() view returns (uint256)", "function changes() view returns (uint256)", "function transferOwnership(address)"]);

const setValue = (safe: string, value: number) => `
export default async function ({ safe }) {
  await safe("${safe}").call("Box", "setValue", [${value}n]);
}
`;

describe("a Safe proposal on a live network is checked before it is made, made again only when its nonce is spent, and never silently changed (hardhat node, CLI)", function () {
  let node: RunningNode;
  let safe: DeployedSafe;
  let provider: JsonRpcProvider;
  let dir: string;
  let registryDir: string;

  const migrate = (): Promise<CliResult> =>
    runHardhat(fixtureRoot("safe"), ["migrate", "--network", "testnode", "--yes"], {
      MIGRATIONS_TEST_RPC_URL: node.url,
      MIGRATIONS_TEST_DIR: dir,
      MIGRATIONS_TEST_REGISTRY_DIR: registryDir,
      MIGRATIONS_TEST_LIVE: "1",
    });
  const proposals = async () => (JSON.parse(await readFile(path.join(registryDir, "31337.safe.json"), "utf8")) as { proposals: SafeProposal[] }).proposals;
  const box = async () => {
    const registry = JSON.parse(await readFile(path.join(registryDir, "31337.json"), "utf8")) as { contracts: Record<string, { address: string }> };
    return new Contract(registry.contracts.Box!.address, BOX, await provider.getSigner(DEPLOYER));
  };
  const execute = async (tx: SafeProposal["transaction"]) =>
    executeSafeTransaction(safe, tx, await signSafeTransaction(safe, 31337, tx, [OWNERS[0]!, OWNERS[1]!]), OWNERS[2]!);

  before(async function () {
    this.timeout(180_000);
    node = await startHardhatNode(fixtureRoot("safe"));
    safe = await deploySafe(node.url, DEPLOYER, OWNERS, 2);
    provider = safe.provider;
    registryDir = await tempDir("hhm-safe-live-");
    dir = await migrationsDir({ "1_box.js": `export default async function ({ deploy }) { await deploy("Box"); }\n`, "2_set_value.js": setValue(safe.address, 7) });
  });

  after(async () => {
    provider?.destroy();
    await node?.stop();
  });

  it("a call the Safe cannot make yet (it does not own the Box) is refused with the revert reason, and nothing is proposed", async function () {
    this.timeout(120_000);
    const result = await migrate();
    const out = result.stdout + result.stderr;
    expect(result.code, out).to.equal(1);
    expect(out).to.contain("HHM276").and.contain('reverted with "Box: caller is not the owner"').and.contain("Nothing was proposed");
    await readFile(path.join(registryDir, "31337.safe.json")).then(
      () => expect.fail("no proposal file expected"),
      (error: NodeJS.ErrnoException) => expect(error.code).to.equal("ENOENT"),
    );
  });

  it("once the Safe owns the Box, migrate proposes at the Safe's nonce; when the owners spend that nonce on another transaction, the next migrate proposes again at the next nonce", async function () {
    this.timeout(120_000);
    await (await (await box()).getFunction("transferOwnership")(safe.address)).wait();
    const first = await migrate();
    expect(first.code, first.stdout + first.stderr).to.equal(3);
    const [proposed] = await proposals();
    expect(proposed!.transaction.nonce).to.equal(0);

    // The owners execute something else at nonce 0 (a rejection: an empty call to the Safe itself).
    await execute(safeTransaction({ to: safe.address, value: "0", data: "0x" }, 0));
    const second = await migrate();
    const out = second.stdout + second.stderr;
    expect(second.code, out).to.equal(3);
    expect(out).to.contain(`The Safe transaction ${proposed!.safeTxHash} can no longer be executed`).and.contain("Proposing the call again at nonce 1");
    const [again] = await proposals();
    expect(again!.transaction.nonce).to.equal(1);
    expect(again!.safeTxHash).to.not.equal(proposed!.safeTxHash);
    expect(out).to.contain(`proposed Safe transaction ${again!.safeTxHash} (nonce 1)`);
  });

  it("an edited migration that now asks for a different call is refused while the proposal awaits, and the proposal stays as it was", async function () {
    this.timeout(120_000);
    const before = await proposals();
    await writeFile(path.join(dir, "2_set_value.js"), setValue(safe.address, 8));
    const result = await migrate();
    const out = result.stdout + result.stderr;
    expect(result.code, out).to.equal(1);
    expect(out).to.contain("HHM272").and.contain("Box.setValue(7)").and.contain("Box.setValue(8)");
    expect(await proposals()).to.deep.equal(before);
  });

  it("restored, and executed by the owners at a later nonce (as the Safe app does when another transaction took the proposal's), migrate finds it and completes: the Box changed once, to 7", async function () {
    this.timeout(120_000);
    await writeFile(path.join(dir, "2_set_value.js"), setValue(safe.address, 7));
    const [proposal] = await proposals();
    await execute(safeTransaction({ to: safe.address, value: "0", data: "0x" }, 1));
    const receipt = await execute({ ...proposal!.transaction, nonce: 2 });
    const result = await migrate();
    const out = result.stdout + result.stderr;
    expect(result.code, out).to.equal(0);
    expect(out).to.contain(`nonce 2) was executed in ${receipt!.hash}`).and.not.contain("Proposing the call again");
    const contract = await box();
    expect(await contract.getFunction("value")()).to.equal(7n);
    expect(await contract.getFunction("changes")()).to.equal(1n);
    expect(await proposals()).to.deep.equal([]);
  });
});
