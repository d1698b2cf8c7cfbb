import { readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { runHardhat } from "../helpers/cli.js";
import { fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { startGanache } from "../helpers/ganache.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";
import { blockNumber, creationsSince, rpc } from "../helpers/rpc.js";
import { startRpcProxy, type RpcProxy } from "../helpers/rpc-proxy.js";

const deploysThenThrows = `
export default async function ({ deploy }) {
  await deploy("Token", ["Half", 1n], { as: "Half" });
  throw new Error("the second step is broken");
}`;

const RECIPIENT = "0x00000000000000000000000000000000000c0ffe";
// Ganache 7 runs no opcode newer than Shanghai (the fixture's contracts use Cancun's): a transfer.
const paysThenThrows = `
export default async function ({ deployer }) {
  await (await deployer.sendTransaction({ to: "${RECIPIENT}", value: 1234n })).wait();
  throw new Error("the second step is broken");
}`;

const kindOf = async (env: Record<string, string>) => {
  const status = await runHardhat(fixtureRoot("basic"), ["migrate", "status", "--json", "--network", "testnode"], env);
  expect(status.code, status.stderr).to.equal(0);
  return (JSON.parse(status.stdout) as { kind: { live: boolean; source: string; client?: string } }).kind;
};

describe("the user declares a network live or dev (migrations.networks.<name>.live)", function () {
  before(async () => {
    const build = await runHardhat(fixtureRoot("basic"), ["build", "--quiet"]);
    expect(build.code, build.stderr).to.equal(0);
  });

  describe("a ganache network marked live", () => {
    let ganache: RunningNode;
    before(async () => {
      ganache = await startGanache();
    });
    after(async () => {
      await ganache?.stop();
    });

    it("asks for confirmation before sending, and a failed migration is not rolled back", async () => {
      const dir = await migrationsDir({ "1_pay.js": paysThenThrows });
      const registryDir = await tempDir("hhm-declared-live-");
      const detected = { MIGRATIONS_TEST_RPC_URL: ganache.url, MIGRATIONS_TEST_DIR: dir, MIGRATIONS_TEST_REGISTRY_DIR: registryDir };
      expect(await kindOf(detected)).to.deep.include({ live: false, source: "detected" });

      const env = { ...detected, MIGRATIONS_TEST_NETWORKS: JSON.stringify({ testnode: { live: true } }) };
      expect(await kindOf(env)).to.deep.include({ live: true, source: "config" });
      const shown = await runHardhat(fixtureRoot("basic"), ["migrate", "status", "--network", "testnode"], env);
      expect(shown.stdout).to.contain("(chain 1337, live network (set by migrations.networks.testnode.live))");

      const block = await blockNumber(ganache.url);
      const refused = await runHardhat(fixtureRoot("basic"), ["migrate", "--network", "testnode", "--no-compile"], env);
      expect(refused.code).to.not.equal(0);
      expect(refused.stderr + refused.stdout).to.contain("HHM197").and.to.contain("not a dev chain").and.to.contain("--yes");
      expect(await blockNumber(ganache.url)).to.equal(block);

      const failed = await runHardhat(fixtureRoot("basic"), ["migrate", "--network", "testnode", "--no-compile", "--yes"], env);
      expect(failed.code).to.not.equal(0);
      const out = failed.stderr + failed.stdout;
      expect(out, out).to.contain("the second step is broken").and.to.contain("cannot be rolled back");
      expect(out).to.not.contain("Rolled back");
      // The Migrator (with its chain's MigratorAdmin: a plain creation too, no CREATE2 factory on
      // a live ganache) and the payment stay on chain.
      expect(await creationsSince(ganache.url, block + 1)).to.have.length(2);
      expect(BigInt(await rpc<string>(ganache.url, "eth_getBalance", [RECIPIENT, "latest"]))).to.equal(1234n);
      const status = await runHardhat(fixtureRoot("basic"), ["migrate", "status", "--network", "testnode"], env);
      expect(status.stdout).to.match(/1\s+1_pay\.js\s+interrupted/);
    });
  });

  describe("an HTTP hardhat node that answers like geth, marked dev", () => {
    let node: RunningNode;
    let geth: RpcProxy;
    before(async () => {
      node = await startHardhatNode(fixtureRoot("basic"));
      // Only the client version lies: evm_snapshot/evm_revert still work.
      geth = await startRpcProxy(node.url, {
        rewrite: (request, result) => (request.method === "web3_clientVersion" ? "Geth/v1.14.0-stable/linux-amd64/go1.22" : result),
      });
    });
    after(async () => {
      await geth?.stop();
      await node?.stop();
    });

    it("runs without asking and rolls a failed migration back", async () => {
      const dir = await migrationsDir({ "1_half.js": deploysThenThrows });
      const registryDir = await tempDir("hhm-declared-dev-");
      const detected = { MIGRATIONS_TEST_RPC_URL: geth.url, MIGRATIONS_TEST_DIR: dir, MIGRATIONS_TEST_REGISTRY_DIR: registryDir };
      expect(await kindOf(detected)).to.deep.include({ live: true, source: "detected", client: "Geth/v1.14.0-stable/linux-amd64/go1.22" });

      const env = { ...detected, MIGRATIONS_TEST_NETWORKS: JSON.stringify({ testnode: { live: false } }) };
      expect(await kindOf(env)).to.deep.include({ live: false, source: "config" });

      const start = (await blockNumber(node.url)) + 1;
      const failed = await runHardhat(fixtureRoot("basic"), ["migrate", "--network", "testnode", "--no-compile"], env);
      expect(failed.code).to.not.equal(0);
      const out = failed.stderr + failed.stdout;
      expect(out).to.not.contain("HHM197");
      expect(out, out).to.contain("the second step is broken").and.to.contain("Rolled back");
      // Only the Migrator (deployed before the migration) is left; Half was reverted with the chain.
      expect(await creationsSince(node.url, start)).to.have.length(1);
      const registry = JSON.parse(await readFile(path.join(registryDir, "31337.json"), "utf8")) as { contracts: Record<string, unknown> };
      expect(registry.contracts).to.deep.equal({});
    });
  });
});
