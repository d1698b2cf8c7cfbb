import { existsSync } from "node:fs";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { Interface } from "ethers";

import { runHardhat } from "../helpers/cli.js";
import { fixtureRoot, tempDir } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";
import { rpc } from "../helpers/rpc.js";

interface Registry {
  contracts: Record<string, { address: string; artifact: string; transactionHash: string; blockNumber: number; deployer: string; args: unknown[]; libraries?: Record<string, string>; migration: number }>;
}

const root = fixtureRoot("ignition");
const COUNTER = new Interface(["function x() view returns (uint256)", "function twice(uint256) view returns (uint256)"]);

describe("a project deployed with Hardhat Ignition switches to migrations", function () {
  let node: RunningNode;
  let registryDir: string;
  const deploymentId = `test-${process.pid}-${Date.now()}`;
  const deploymentDir = path.join(root, "ignition", "deployments", deploymentId);
  const env = () => ({ MIGRATIONS_TEST_RPC_URL: node.url, MIGRATIONS_TEST_REGISTRY_DIR: registryDir });
  const call = async (to: string, fn: string, args: unknown[] = []) =>
    BigInt((await rpc(node.url, "eth_call", [{ to, data: COUNTER.encodeFunctionData(fn, args) }, "latest"])) as string);

  before(async () => {
    node = await startHardhatNode(root);
    registryDir = await tempDir("hhm-ignition-registry-");
    // Ignition itself deploys the module, as the project did before switching.
    const deployed = await runHardhat(root, ["ignition", "deploy", "ignition/modules/Counter.ts", "--network", "testnode", "--deployment-id", deploymentId], env());
    expect(deployed.code, deployed.stdout + deployed.stderr).to.equal(0);
  });

  after(async () => {
    await node?.stop();
    await rm(deploymentDir, { recursive: true, force: true });
  });

  it("imports every completed future with its transaction, arguments and libraries, then a migration builds on them", async () => {
    const addresses = JSON.parse(await readFile(path.join(deploymentDir, "deployed_addresses.json"), "utf8")) as Record<string, string>;
    const imported = await runHardhat(root, ["migrate", "import", "ignition", "--network", "testnode", "--deployment-id", deploymentId], env());
    expect(imported.code, imported.stderr).to.equal(0);
    expect(imported.stdout).to.contain("Imported 4 Ignition deployment(s) on testnode (chain 31337):");
    expect(imported.stdout).to.match(/SecondCounter\s+from CounterModule#SecondCounter/);

    const registry = JSON.parse(await readFile(path.join(registryDir, "31337.json"), "utf8")) as Registry;
    expect(Object.keys(registry.contracts).sort()).to.deep.equal(["Counter", "Doubler", "MathLib", "SecondCounter"]);
    const counter = registry.contracts["Counter"]!;
    expect(counter.address).to.equal(addresses["CounterModule#Counter"]);
    expect(counter.artifact).to.equal("contracts/Counter.sol:Counter");
    expect(counter.args).to.deep.equal(["5"]);
    expect(counter.migration).to.equal(0);
    // The transaction and block are the real ones: the chain agrees.
    const tx = (await rpc(node.url, "eth_getTransactionReceipt", [counter.transactionHash])) as { contractAddress: string; blockNumber: string; from: string };
    expect(tx.contractAddress.toLowerCase()).to.equal(counter.address.toLowerCase());
    expect(Number(tx.blockNumber)).to.equal(counter.blockNumber);
    expect(tx.from.toLowerCase()).to.equal(counter.deployer.toLowerCase());
    expect(registry.contracts["Doubler"]!.libraries).to.deep.equal({ MathLib: addresses["CounterModule#MathLib"] });
    expect(registry.contracts["SecondCounter"]!.args).to.deep.equal(["100"]);

    // Importing again changes nothing.
    const again = await runHardhat(root, ["migrate", "import", "ignition", "--network", "testnode", "--deployment-id", deploymentId], env());
    expect(again.code, again.stderr).to.equal(0);
    expect(again.stdout).to.contain("Imported 0 Ignition deployment(s)");
    expect(again.stdout).to.contain("already registered: Counter, MathLib, SecondCounter, Doubler.");

    // The first migration after the switch finds Ignition's contracts by name.
    const migrated = await runHardhat(root, ["migrate", "--network", "testnode"], env());
    expect(migrated.code, migrated.stderr).to.equal(0);
    expect(migrated.stdout).to.contain("counter at 17, third at 100");
    expect(await call(counter.address, "x")).to.equal(17n);
    expect(await call(registry.contracts["Doubler"]!.address, "twice", [21n])).to.equal(42n);
    const after = JSON.parse(await readFile(path.join(registryDir, "31337.json"), "utf8")) as Registry;
    expect(after.contracts["Counter"]).to.deep.equal(counter);
    expect(await call(after.contracts["ThirdCounter"]!.address, "x")).to.equal(100n);
  });

  it("refuses a deployment of another chain and one whose journal is damaged, writing nothing", async () => {
    const copy = path.join(await tempDir("hhm-ignition-copy-"), "chain-1");
    await cp(deploymentDir, copy, { recursive: true });
    const journal = path.join(copy, "journal.jsonl");
    const text = await readFile(journal, "utf8");
    expect(text).to.contain('"chainId":31337');
    await writeFile(journal, text.replace('"chainId":31337', '"chainId":1'));
    const otherDir = await tempDir("hhm-ignition-registry-");
    const other = { MIGRATIONS_TEST_RPC_URL: node.url, MIGRATIONS_TEST_REGISTRY_DIR: otherDir };

    const wrongChain = await runHardhat(root, ["migrate", "import", "ignition", "--network", "testnode", "--dir", copy], other);
    expect(wrongChain.code).to.not.equal(0);
    expect(wrongChain.stderr).to.contain("HHM311");
    expect(wrongChain.stderr).to.contain("was made on chain 1, but testnode is chain 31337");
    expect(wrongChain.stderr).to.not.match(/\n\s+at /);

    await writeFile(journal, text + "{\"futureId\": \"CounterModule#Cou\n");
    const damaged = await runHardhat(root, ["migrate", "import", "ignition", "--network", "testnode", "--dir", copy], other);
    expect(damaged.code).to.not.equal(0);
    expect(damaged.stderr).to.contain("HHM312");
    expect(damaged.stderr).to.match(/Line \d+ of Ignition's journal/);

    const missing = await runHardhat(root, ["migrate", "import", "ignition", "--network", "testnode", "--deployment-id", "no-such-deployment"], other);
    expect(missing.code).to.not.equal(0);
    expect(missing.stderr).to.contain("HHM310");
    expect(existsSync(path.join(otherDir, "31337.json"))).to.equal(false);
  });
});
