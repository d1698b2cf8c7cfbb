import { readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { Interface, Wallet, getAddress } from "ethers";

import { parseJournal } from "../../src/core/journal/journal-entry.js";
import { IMPLEMENTATION_SLOT } from "../../src/core/upgrades/erc1967.js";
import { runHardhat } from "../helpers/cli.js";
import { fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";
import { recordedIds } from "../helpers/migrator-record.js";
import { blockNumber, creationsSince, rpc } from "../helpers/rpc.js";

/**
 * Fault injection beyond `migrate`'s own transactions: `migrate down` (its down() script's
 * transaction, then the unrecord) and a proxy upgrade (the new implementation, the upgrade call,
 * a call through the proxy, the record) are killed with SIGKILL at each point, then run again.
 * Each time the re-run completes with every transaction done exactly once.
 */
const TOKEN = new Interface(["function balanceOf(address) view returns (uint256)"]);
const BOX = new Interface(["function value() view returns (uint256)"]);

async function journalParses(registryDir: string): Promise<void> {
  const journal = parseJournal(await readFile(path.join(registryDir, "31337.journal.jsonl"), "utf8"));
  expect(journal.corrupt).to.equal(undefined);
  expect(journal.tornTail).to.equal(false);
}

describe("a down or a proxy upgrade killed at any point resumes without sending anything twice (hardhat node)", function () {
  let node: RunningNode;

  before(async () => {
    node = await startHardhatNode(fixtureRoot("basic"));
    for (const project of ["basic", "upgrades"]) {
      const build = await runHardhat(fixtureRoot(project), ["build", "--quiet"]);
      expect(build.code, build.stderr).to.equal(0);
    }
  });

  after(async () => {
    await node?.stop();
  });

  // down: step 1 is the down() script's transfer, step 2 the unrecord.
  for (const [point, hit] of [
    ["tx-before-send", 1],
    ["tx-after-send", 1],
    ["tx-after-mined", 1],
    ["tx-before-send", 2],
    ["tx-after-send", 2],
    ["tx-after-mined", 2],
  ] as const) {
    it(`migrate down killed at ${point} #${hit}: the re-run undoes the migration once`, async () => {
      const registryDir = await tempDir("hhm-crash-down-");
      const recipient = Wallet.createRandom().address;
      const dir = await migrationsDir({
        "1_token.js": `export default async function ({ deploy }) { await deploy("Token", ["A", 1000n], { as: "TokenA" }); }`,
        "2_token.js": `
export default async function ({ deploy }) { await deploy("Token", ["B", 1000n], { as: "TokenB" }); }
export async function down({ registry }) {
  const a = await registry.contract("TokenA");
  await (await a.getFunction("transfer")(process.env.HHM_RECIPIENT, 5n)).wait();
}`,
      });
      const env = { MIGRATIONS_TEST_RPC_URL: node.url, MIGRATIONS_TEST_DIR: dir, MIGRATIONS_TEST_REGISTRY_DIR: registryDir, HHM_RECIPIENT: recipient };
      const run = (args: string[], extra: Record<string, string> = {}) =>
        runHardhat(fixtureRoot("basic"), [...args, "--network", "testnode", ...(args[1] === "down" ? [] : ["--no-compile"])], { ...env, ...extra });

      const up = await run(["migrate"]);
      expect(up.code, `${up.stdout}\n${up.stderr}`).to.equal(0);
      const start = (await blockNumber(node.url)) + 1;

      const killed = await run(["migrate", "down"], { HARDHAT_MIGRATIONS_FAILPOINT: `${point}:${hit}` });
      expect(killed.code, `the first down was not killed at ${point} #${hit}:\n${killed.stdout}\n${killed.stderr}`).to.equal(null);
      const resumed = await run(["migrate", "down"]);
      expect(resumed.code, `${resumed.stdout}\n${resumed.stderr}`).to.equal(0);

      const registry = JSON.parse(await readFile(path.join(registryDir, "31337.json"), "utf8")) as {
        migrator: { address: string };
        contracts: Record<string, { address: string }>;
      };
      // Only 2 was undone (not 1 as well), its transfer happened once, nothing was deployed.
      expect(await recordedIds(node.url, registry.migrator.address)).to.deep.equal([1]);
      expect(Object.keys(registry.contracts)).to.deep.equal(["TokenA"]);
      const balance = TOKEN.decodeFunctionResult(
        "balanceOf",
        await rpc<string>(node.url, "eth_call", [{ to: registry.contracts.TokenA!.address, data: TOKEN.encodeFunctionData("balanceOf", [recipient]) }, "latest"]),
      )[0] as bigint;
      expect(balance).to.equal(5n);
      expect(await creationsSince(node.url, start)).to.have.length(0);
      await journalParses(registryDir);
    });
  }

  // The upgrade migration: step 1 the implementation, 2 the upgrade, 3 a call, 4 the record.
  for (const [point, hit] of [
    ["tx-before-send", 1],
    ["tx-after-send", 2],
    ["tx-after-mined", 2],
    ["tx-after-send", 3],
    ["tx-after-mined", 4],
  ] as const) {
    it(`a proxy upgrade killed at ${point} #${hit}: the re-run upgrades once`, async () => {
      const registryDir = await tempDir("hhm-crash-upgrade-");
      const dir = await migrationsDir({
        "1_box.js": `export default async function ({ deployProxy, deployer }) { await deployProxy("Box", [42n, await deployer.getAddress()]); }`,
        "2_upgrade.js": `
export default async function ({ upgradeProxy }) {
  const box = await upgradeProxy("Box", "BoxV2", { call: { fn: "initializeV2", args: ["v2"] } });
  await (await box.getFunction("setValue")(44n)).wait();
}`,
      });
      const env = { MIGRATIONS_TEST_RPC_URL: node.url, MIGRATIONS_TEST_DIR: dir, MIGRATIONS_TEST_REGISTRY_DIR: registryDir };
      const migrate = (args: string[], extra: Record<string, string> = {}) =>
        runHardhat(fixtureRoot("upgrades"), ["migrate", ...args, "--network", "testnode", "--no-compile"], { ...env, ...extra });

      const first = await migrate(["--to", "1"]);
      expect(first.code, `${first.stdout}\n${first.stderr}`).to.equal(0);
      const start = (await blockNumber(node.url)) + 1;

      // Failpoints count every send of the run; the upgrade migration is the only one left.
      const killed = await migrate([], { HARDHAT_MIGRATIONS_FAILPOINT: `${point}:${hit}` });
      expect(killed.code, `the upgrade was not killed at ${point} #${hit}:\n${killed.stdout}\n${killed.stderr}`).to.equal(null);
      const resumed = await migrate([]);
      expect(resumed.code, `${resumed.stdout}\n${resumed.stderr}`).to.equal(0);

      const registry = JSON.parse(await readFile(path.join(registryDir, "31337.json"), "utf8")) as {
        migrator: { address: string };
        contracts: Record<string, { address: string; proxy?: { implementation: string } }>;
      };
      expect(await recordedIds(node.url, registry.migrator.address)).to.deep.equal([1, 2]);
      // One implementation deployed for the upgrade, and the proxy points at it.
      const creations = await creationsSince(node.url, start);
      expect(creations, JSON.stringify(creations)).to.have.length(1);
      const box = registry.contracts.Box!.address;
      const slot = await rpc<string>(node.url, "eth_getStorageAt", [box, IMPLEMENTATION_SLOT, "latest"]);
      expect(getAddress(`0x${slot.slice(-40)}`)).to.equal(getAddress(registry.contracts.Box!.proxy!.implementation));
      const value = BOX.decodeFunctionResult("value", await rpc<string>(node.url, "eth_call", [{ to: box, data: BOX.encodeFunctionData("value") }, "latest"]))[0];
      expect(value).to.equal(44n);
      await journalParses(registryDir);
    });
  }
});
