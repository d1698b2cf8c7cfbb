import { readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { Contract, Interface, type JsonRpcProvider } from "ethers";

import type { SafeProposal } from "../../src/core/safe/safe-proposal.js";
import { runHardhat, type CliResult } from "../helpers/cli.js";
import { fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";
import { deploySafe, executeSafeTransaction, signSafeTransaction, type DeployedSafe } from "../helpers/safe.js";

// `hardhat node`'s development accounts: #0 deploys (and guards the Box), #1-#3 own the Safe.
const DEPLOYER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
const OWNERS = ["0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "0x90F79bf6EB2c4f870365E785982E1f101E93b906"];
const BOX = new Interface([
  "function owner() view returns (address)",
  "function value() view returns (uint256)",
  "function changes() view returns (uint256)",
  "function setValue(uint256)",
  "function setFrozen(bool)",
]);

const migrations = (safe: string) => ({
  "1_box.js": `
export default async function ({ deploy }) {
  const box = await deploy("Box");
  await (await box.getFunction("transferOwnership")("${safe}")).wait();
}
`,
  "2_set_value.js": `
export default async function ({ deploy, safe, log }) {
  // Sent before the Safe call: a re-run finds it in the journal and does not send it again.
  await deploy("Box", { as: "Helper" });
  const executed = await safe("${safe}").call("Box", "setValue", [42n]);
  log("setValue executed by the Safe in " + executed.transactionHash);
}
`,
  "3_after.js": `
export default async function ({ deploy }) {
  await deploy("Box", { as: "SecondBox" });
}
`,
});

describe("a Safe-owned contract is changed by a migration once the Safe's owners execute its proposal (hardhat node, CLI)", function () {
  let node: RunningNode;
  let safe: DeployedSafe;
  let provider: JsonRpcProvider;
  let dir: string;
  let registryDir: string;
  let helper: string;

  const hardhat = (args: string[]): Promise<CliResult> =>
    runHardhat(fixtureRoot("safe"), args, { MIGRATIONS_TEST_RPC_URL: node.url, MIGRATIONS_TEST_DIR: dir, MIGRATIONS_TEST_REGISTRY_DIR: registryDir });
  const migrate = () => hardhat(["migrate", "--network", "testnode"]);
  const proposals = async () =>
    (JSON.parse(await readFile(path.join(registryDir, "31337.safe.json"), "utf8")) as { proposals: SafeProposal[] }).proposals;
  const registry = async () => JSON.parse(await readFile(path.join(registryDir, "31337.json"), "utf8")) as { contracts: Record<string, { address: string }> };
  const box = async () => new Contract((await registry()).contracts.Box!.address, BOX, provider);
  const sentBy = (account: string) => provider.getTransactionCount(account);

  before(async function () {
    this.timeout(180_000);
    node = await startHardhatNode(fixtureRoot("safe"));
    safe = await deploySafe(node.url, DEPLOYER, OWNERS, 2);
    provider = safe.provider;
    registryDir = await tempDir("hhm-safe-registry-");
    dir = await migrationsDir(migrations(safe.address));
  });

  after(async () => {
    provider?.destroy();
    await node?.stop();
  });

  it("migrate runs migration 1, proposes migration 2's Safe transaction with a Transaction Builder file, sends nothing for it and stops before migration 3", async function () {
    this.timeout(180_000);
    const result = await migrate();
    const out = result.stdout + result.stderr;
    expect(result.code, out).to.equal(3);
    expect(await (await box()).getFunction("owner")()).to.equal(safe.address);
    expect((await registry()).contracts).to.not.have.property("SecondBox");
    helper = (await registry()).contracts.Helper!.address;

    const [proposal] = await proposals();
    expect(proposal!.migration).to.equal(2);
    expect(proposal!.state).to.equal("awaiting-approval");
    expect(proposal!.transaction.nonce).to.equal(0);
    // The hash owners sign is the Safe contract's own.
    const t = proposal!.transaction;
    const onChain = await safe.contract.getFunction("getTransactionHash")(t.to, t.value, t.data, t.operation, t.safeTxGas, t.baseGas, t.gasPrice, t.gasToken, t.refundReceiver, t.nonce);
    expect(proposal!.safeTxHash).to.equal(onChain);
    expect(out).to.contain("HHM270").and.contain("2_set_value.js is awaiting approval by the Safe").and.contain(proposal!.safeTxHash).and.contain("2 of 3 owners");
    expect(out).to.contain(proposal!.batchFile);

    const batch = JSON.parse(await readFile(proposal!.batchFile, "utf8")) as { version: string; chainId: string; meta: { createdFromSafeAddress: string }; transactions: { to: string; value: string; data: string }[] };
    expect(batch.version).to.equal("1.0");
    expect(batch.chainId).to.equal("31337");
    expect(batch.meta.createdFromSafeAddress).to.equal(safe.address);
    expect(batch.transactions).to.have.length(1);
    expect(batch.transactions[0]!.to).to.equal(await (await box()).getAddress());
    expect(batch.transactions[0]!.value).to.equal("0");
    expect(batch.transactions[0]!.data).to.equal(BOX.encodeFunctionData("setValue", [42n]));
  });

  it("status shows migration 2 awaiting approval, in text and --json, without sending", async function () {
    this.timeout(120_000);
    const before = await sentBy(DEPLOYER);
    const text = await hardhat(["migrate", "status", "--network", "testnode"]);
    expect(text.code, text.stdout + text.stderr).to.equal(0);
    expect(text.stdout).to.match(/2\s+2_set_value\.js\s+awaiting-approval/);
    expect(text.stdout).to.match(/3\s+3_after\.js\s+pending/);
    const [proposal] = await proposals();
    expect(text.stdout).to.contain(proposal!.safeTxHash).and.contain(proposal!.batchFile);
    const json = await hardhat(["migrate", "status", "--network", "testnode", "--json"]);
    const report = JSON.parse(json.stdout) as { rows: { id: number; state: string; awaitingApproval?: { safeTxHash: string; safe: string } }[] };
    const row = report.rows.find((r) => r.id === 2)!;
    expect(row.state).to.equal("awaiting-approval");
    expect(row.awaitingApproval).to.include({ safeTxHash: proposal!.safeTxHash, safe: safe.address });
    expect(await sentBy(DEPLOYER)).to.equal(before);
  });

  it("a second migrate before execution proposes nothing new and sends nothing: same Safe transaction, same file, the Helper deployed before the Safe call reused from the journal", async function () {
    this.timeout(120_000);
    const [first] = await proposals();
    const fileBefore = await readFile(first!.batchFile, "utf8");
    const before = await sentBy(DEPLOYER);
    const result = await migrate();
    const out = result.stdout + result.stderr;
    expect(result.code, out).to.equal(3);
    expect(out).to.contain("still awaiting").and.contain(first!.safeTxHash).and.contain(first!.batchFile).and.contain("npx hardhat migrate --network testnode");
    expect(out).to.contain(`2_set_value.js awaits its Safe: looking for the execution of ${first!.safeTxHash} (nonce 0) on chain`);
    expect(await proposals()).to.deep.equal([first]);
    expect(await readFile(first!.batchFile, "utf8")).to.equal(fileBefore);
    expect(await sentBy(DEPLOYER)).to.equal(before);
    expect(await safe.contract.getFunction("nonce")()).to.equal(0n);
  });

  it("an execution that fails (the Box is frozen) reverts on chain, and migrate says the proposal still awaits and why executing it fails", async function () {
    this.timeout(120_000);
    const [proposal] = await proposals();
    const guard = (await box()).connect(await provider.getSigner(DEPLOYER)) as Contract;
    await (await guard.getFunction("setFrozen")(true)).wait();
    const signatures = await signSafeTransaction(safe, 31337, proposal!.transaction, [OWNERS[0]!, OWNERS[2]!]);
    let reverted: unknown;
    await executeSafeTransaction(safe, proposal!.transaction, signatures, OWNERS[1]!).catch((error: unknown) => (reverted = error));
    expect(String(reverted)).to.contain("GS013");
    const result = await migrate();
    const out = result.stdout + result.stderr;
    expect(result.code, out).to.equal(3);
    expect(out).to.contain("still awaiting").and.contain(proposal!.safeTxHash);
    expect(out).to.contain('its call reverts (reverted with "Box: frozen")');
  });

  it("the same call executed with safeTxGas (the Safe app's advanced parameters) while the Box is frozen ends in ExecutionFailure: migrate reports it, and once unfrozen proposes anew at the next nonce", async function () {
    this.timeout(120_000);
    const [proposal] = await proposals();
    const withGas = { ...proposal!.transaction, safeTxGas: "100000" };
    const receipt = await executeSafeTransaction(safe, withGas, await signSafeTransaction(safe, 31337, withGas, [OWNERS[0]!, OWNERS[1]!]), OWNERS[2]!);
    expect(receipt!.status).to.equal(1);
    expect(await safe.contract.getFunction("nonce")()).to.equal(1n);

    const failed = await migrate();
    const out = failed.stdout + failed.stderr;
    expect(failed.code, out).to.equal(1);
    expect(out).to.contain("HHM273").and.contain(`in transaction ${receipt!.hash}, but its call failed (ExecutionFailure): Box.setValue(42)`).and.contain("The migration is not recorded");
    const status = await hardhat(["migrate", "status", "--network", "testnode"]);
    expect(status.stdout).to.match(/2\s+2_set_value\.js\s+awaiting-approval\s+Safe 0x[0-9a-fA-F]{40}, nonce 0 \(execution failed\)/);

    const guard = (await box()).connect(await provider.getSigner(DEPLOYER)) as Contract;
    await (await guard.getFunction("setFrozen")(false)).wait();
    const again = await migrate();
    expect(again.code, again.stdout + again.stderr).to.equal(3);
    const [next] = await proposals();
    expect(next!.transaction.nonce).to.equal(1);
    expect(next!.state).to.equal("awaiting-approval");
    expect(again.stdout + again.stderr).to.contain(`proposed Safe transaction ${next!.safeTxHash} (nonce 1)`);
    expect(await (await box()).getFunction("changes")()).to.equal(0n);
  });

  it("once two owners sign and one executes, migrate completes migration 2 (and runs 3); the Box changed once", async function () {
    this.timeout(180_000);
    const [proposal] = await proposals();
    const signatures = await signSafeTransaction(safe, 31337, proposal!.transaction, [OWNERS[1]!, OWNERS[0]!]);
    const receipt = await executeSafeTransaction(safe, proposal!.transaction, signatures, OWNERS[2]!);
    expect(receipt!.status).to.equal(1);

    const result = await migrate();
    const out = result.stdout + result.stderr;
    expect(result.code, out).to.equal(0);
    expect(out).to.contain(`setValue executed by the Safe in ${receipt!.hash}`);
    expect(await (await box()).getFunction("value")()).to.equal(42n);
    expect(await (await box()).getFunction("changes")()).to.equal(1n);
    expect((await registry()).contracts).to.have.property("SecondBox");
    expect((await registry()).contracts.Helper!.address).to.equal(helper);
    expect(await proposals()).to.deep.equal([]);

    const status = await hardhat(["migrate", "status", "--network", "testnode"]);
    expect(status.stdout).to.match(/2\s+2_set_value\.js\s+up/);
    expect(status.stdout).to.match(/3\s+3_after\.js\s+up/);
    const again = await migrate();
    expect(again.code, again.stdout + again.stderr).to.equal(0);
    expect(await (await box()).getFunction("changes")()).to.equal(1n);
  });
});
