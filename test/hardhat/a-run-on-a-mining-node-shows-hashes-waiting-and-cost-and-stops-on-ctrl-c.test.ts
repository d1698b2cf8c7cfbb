import { existsSync } from "node:fs";
import path from "node:path";

import { expect } from "chai";

import { runHardhat, spawnHardhat } from "../helpers/cli.js";
import { fixtureRoot, tempDir } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";
import { rpc } from "../helpers/rpc.js";
import { looksLive, startRpcProxy, type RpcProxy } from "../helpers/rpc-proxy.js";

const HASH_LINE = (label: string) => new RegExp(`^ {4}tx 0x[0-9a-f]{64} \\(${label}, nonce \\d+\\) sent$`, "m");
const WAITING_LINE = /^ {4}waiting for 0x[0-9a-f]{8}…: \d+\.\d s, \d+ block\(s\), \d\/\d confirmation\(s\)$/m;
const COST_LINE = /^ {2}cost \d[\d.,]* ETH \(gas [\d,]+ at [\d.,]+ gwei\)$/m;

/**
 * Runs `migrate` as a child process and sends it SIGINT (Ctrl-C) as soon as its output matches
 * `when`: a well-defined point of the run, not a delay.
 */
async function migrateAndInterrupt(args: string[], env: Record<string, string>, when: RegExp): Promise<{ code: number | null; signal: string | null; output: string; interrupted: boolean }> {
  const { child, output } = spawnHardhat(fixtureRoot("basic"), args, env);
  let interrupted = false;
  const onData = () => {
    if (!interrupted && when.test(output())) {
      interrupted = true;
      child.kill("SIGINT");
    }
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on("close", (c, s) => resolve([c, s])));
  return { code, signal, output: output(), interrupted };
}

describe("a run on a node that mines a block every second", function () {
  let node: RunningNode;

  before(async () => {
    node = await startHardhatNode(fixtureRoot("basic"));
    await rpc(node.url, "evm_setAutomine", [false]);
    await rpc(node.url, "evm_setIntervalMining", [1000]);
  });

  after(async () => {
    await node?.stop();
  });

  it("prints each hash when sent, a waiting line, the cost per migration; Ctrl-C stops it, says where it stands, exits 130; migrate resumes", async () => {
    const registryDir = await tempDir("hhm-registry-");
    const env = { MIGRATIONS_TEST_RPC_URL: node.url, MIGRATIONS_TEST_REGISTRY_DIR: registryDir };
    // Ctrl-C when the second migration's first transaction is sent: the first one is complete.
    const run = await migrateAndInterrupt(["migrate", "--network", "testnode", "--no-compile"], env, /2_deploy_vault\.ts\n {4}tx 0x[0-9a-f]{64}/);
    const { output } = run;
    expect(run.interrupted, output).to.equal(true);
    expect(run.code, output).to.equal(130);

    expect(output).to.match(HASH_LINE("create"));
    expect(output).to.match(HASH_LINE("record"));
    expect(output).to.match(WAITING_LINE);
    // Non-TTY output: plain lines, no carriage returns or escape codes.
    expect(output).to.not.contain("\r").and.not.contain("\u001b[");
    const first = output.slice(output.indexOf("1_deploy_token.ts"), output.indexOf("2_deploy_vault.ts"));
    expect(first).to.match(HASH_LINE("create")).and.to.match(WAITING_LINE).and.to.match(/done in/).and.to.match(COST_LINE);

    expect(output).to.contain("Ctrl-C: stopping; nothing more will be sent");
    expect(output).to.contain(
      "Stopped by Ctrl-C on testnode: 1 migration(s) completed in this run (1_deploy_token.ts). 2_deploy_vault.ts was running: it was rolled back and is not recorded; it runs again from the start.",
    );
    expect(output).to.contain("Run `npx hardhat migrate` to resume where it stopped.");
    // The reason is said once: no second error block after the message.
    expect(output).to.not.contain("HHM122");
    expect(existsSync(path.join(registryDir, "31337.lock")), "the run lock is released").to.equal(false);

    const resumed = await runHardhat(fixtureRoot("basic"), ["migrate", "--network", "testnode", "--no-compile"], env);
    expect(resumed.code, resumed.stdout + resumed.stderr).to.equal(0);
    expect(resumed.stdout).to.contain("Migrating testnode (chain 31337): 2 pending, 1 already completed.");
    expect(resumed.stdout).to.match(/^Total cost \d[\d.,]* ETH \(gas [\d,]+ at [\d.,]+ gwei\)\.$/m);
  });

  describe("on a network that is not a dev chain", () => {
    let live: RpcProxy;

    before(async () => {
      live = await startRpcProxy(node.url, looksLive);
    });

    after(async () => {
      await live?.stop();
    });

    it("shows the deployer's balance, waits for 2 confirmations, and resumes after Ctrl-C without sending twice", async () => {
      const registryDir = await tempDir("hhm-registry-");
      const env = {
        MIGRATIONS_TEST_RPC_URL: live.url,
        MIGRATIONS_TEST_REGISTRY_DIR: registryDir,
        MIGRATIONS_TEST_NETWORKS: JSON.stringify({ testnode: { confirmations: 2, pollInterval: 0.2 } }),
      };
      const run = await migrateAndInterrupt(["migrate", "--network", "testnode", "--no-compile", "--yes"], env, /2_deploy_vault\.ts\n {4}tx 0x[0-9a-f]{64}/);
      const { output } = run;
      expect(run.code, output).to.equal(130);
      expect(output).to.match(/^Deployer 0x[0-9a-fA-F]{40}: balance [\d.,]+ ETH; gas price now [\d.,]+ gwei\.$/m);
      expect(output).to.match(/^ {4}waiting for 0x[0-9a-f]{8}…: \d+\.\d s, \d+ block\(s\), 1\/2 confirmation\(s\)$/m);
      expect(output).to.match(COST_LINE);
      expect(output).to.contain(
        "Stopped by Ctrl-C on testnode: 1 migration(s) completed in this run (1_deploy_token.ts). 2_deploy_vault.ts was running and had sent 1 transaction(s): they are in the journal and will not be sent twice.",
      );

      // The interrupted run's transaction mines on the node's next blocks. Resume once it has, so
      // this run's "spent" (the balance it saw go) is exactly what this run paid for.
      const deployer = /^Deployer (0x[0-9a-fA-F]{40}):/m.exec(output)![1]!;
      await minedAll(node.url, deployer);
      const resumed = await runHardhat(fixtureRoot("basic"), ["migrate", "--network", "testnode", "--no-compile", "--yes"], env);
      expect(resumed.code, resumed.stdout + resumed.stderr).to.equal(0);
      expect(resumed.stdout).to.match(/\(create, nonce \d+\) reused: the interrupted run sent it/);
      expect(resumed.stdout).to.match(/^Deployer 0x[0-9a-fA-F]{40}: balance [\d.,]+ ETH after the run \([\d.,]+ ETH spent\)\.$/m);
      // The reused transaction was paid for by the interrupted run: not in this run's cost.
      const spent = /\(([\d.]+) ETH spent\)/.exec(resumed.stdout)![1]!;
      expect(resumed.stdout).to.contain(`Total cost ${spent} ETH`);
    });

    it("--dry-run --simulate estimates the cost at the network's gas price, with the deployer's balance", async () => {
      const registryDir = await tempDir("hhm-registry-");
      const env = { MIGRATIONS_TEST_RPC_URL: live.url, MIGRATIONS_TEST_REGISTRY_DIR: registryDir };
      const { code, stdout, stderr } = await runHardhat(fixtureRoot("basic"), ["migrate", "--network", "testnode", "--dry-run", "--simulate"], env);
      expect(code, stdout + stderr).to.equal(0);
      expect(stdout).to.match(/^Deployer 0x[0-9a-fA-F]{40}: balance [\d.,]+ ETH; gas price now [\d.,]+ gwei\.$/m);
      expect(stdout).to.match(/^Estimated cost on the network at its current gas price \([\d.,]+ gwei\): [\d.,]+ ETH\.$/m);
      expect(stdout).to.not.contain("not enough");
    });
  });
});

/** Resolves once `account` has no pending transaction on the node (each poll asks the node; bounded). */
async function minedAll(url: string, account: string): Promise<void> {
  for (let polls = 0; polls < 600; polls++) {
    const [pending, latest] = await Promise.all([
      rpc<string>(url, "eth_getTransactionCount", [account, "pending"]),
      rpc<string>(url, "eth_getTransactionCount", [account, "latest"]),
    ]);
    if (BigInt(pending) === BigInt(latest)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${account} still has pending transactions after 600 polls`);
}
