import { readFile, readdir } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { Interface, Wallet } from "ethers";

import { parseJournal } from "../../src/core/journal/journal-entry.js";
import { runHardhat } from "../helpers/cli.js";
import { recordedIds } from "../helpers/migrator-record.js";
import { fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";
import { blockNumber, creationsSince, rpc } from "../helpers/rpc.js";

/**
 * Fault injection: a run of three migrations (five deployments, four calls, an un-awaited ether
 * transfer, three records, the Migrator) is killed with SIGKILL at a chosen point, then run again.
 * Every time the re-run completes, no contract is deployed twice, every call happened once, the
 * registry and journal parse, and the Migrator records all three.
 *
 * HHM_FAULTS=all tries every kill point (about 90 runs); the default is a spread of them.
 */
const SENDS = 13; // 9 by the migrations, 3 records, 1 Migrator deployment
const REGISTRY_WRITES = 6; // the Migrator, then five deployments

const ALL_POINTS: Array<[string, number]> = [
  ...range(SENDS).map((n): [string, number] => ["tx-before-send", n]),
  ...range(SENDS).map((n): [string, number] => ["tx-after-send", n]),
  ...range(SENDS).map((n): [string, number] => ["tx-after-mined", n]),
  ...range(REGISTRY_WRITES).map((n): [string, number] => ["registry-write", n]),
  ...range(45).filter((n) => n % 3 === 1).map((n): [string, number] => ["journal-torn-write", n]),
];
const SOME_POINTS: Array<[string, number]> = [
  ["tx-before-send", 1],
  ["tx-before-send", 5],
  ["tx-before-send", 11],
  ["tx-after-send", 1],
  ["tx-after-send", 6],
  ["tx-after-send", 13],
  ["tx-after-mined", 2],
  ["tx-after-mined", 7],
  ["tx-after-mined", 12],
  ["registry-write", 1],
  ["registry-write", 4],
  ["journal-torn-write", 3],
  ["journal-torn-write", 22],
];

const TOKEN = new Interface(["function balanceOf(address) view returns (uint256)"]);
const VAULT = new Interface(["function rate() view returns (uint256)"]);

describe("a run killed at any point resumes without sending anything twice (hardhat node)", function () {
  let node: RunningNode;
  let dir: string;
  const tried: string[] = [];

  before(async () => {
    node = await startHardhatNode(fixtureRoot("basic"));
    dir = await migrationsDir({
      "1_tokens.js": `
export default async function ({ deploy }) {
  const a = await deploy("Token", ["A", 1000n], { as: "TokenA" });
  await deploy("Token", ["B", 1000n], { as: "TokenB" });
  await (await a.getFunction("transfer")(process.env.HHM_RECIPIENT, 100n)).wait();
}`,
      "2_vault.js": `
export default async function ({ deploy, registry }) {
  const lib = await deploy("ConvertLib");
  const vault = await deploy("Vault", [registry.get("TokenA").address, 3], { libraries: { ConvertLib: await lib.getAddress() }, value: 777n });
  await (await vault.getFunction("setRate")(5)).wait();
  const b = await registry.contract("TokenB");
  await (await b.getFunction("transfer")(process.env.HHM_RECIPIENT, 7n)).wait();
}`,
      "3_more.js": `
export default async function ({ deploy, deployer }) {
  await deploy("Token", ["C", 1n], { as: "TokenC" });
  deployer.sendTransaction({ to: process.env.HHM_RECIPIENT, value: 1000n }); // not awaited: the engine waits
}`,
    });
    const build = await runHardhat(fixtureRoot("basic"), ["build", "--quiet"]);
    expect(build.code, build.stderr).to.equal(0);
  });

  after(async () => {
    await node?.stop();
    if (tried.length > 0) {
      console.log(`      kill points tried: ${tried.length} (${tried.join(", ")})`);
    }
  });

  const points = process.env.HHM_FAULTS === "all" ? ALL_POINTS : SOME_POINTS;
  for (const [point, hit] of points) {
    it(`killed at ${point} #${hit}: the re-run completes with everything done exactly once`, async () => {
      const registryDir = await tempDir("hhm-crash-");
      const recipient = Wallet.createRandom().address;
      const env = {
        MIGRATIONS_TEST_RPC_URL: node.url,
        MIGRATIONS_TEST_DIR: dir,
        MIGRATIONS_TEST_REGISTRY_DIR: registryDir,
        HHM_RECIPIENT: recipient,
      };
      const start = (await blockNumber(node.url)) + 1;
      const migrate = (extra: Record<string, string> = {}) =>
        runHardhat(fixtureRoot("basic"), ["migrate", "--network", "testnode", "--no-compile"], { ...env, ...extra });

      const killed = await migrate({ HARDHAT_MIGRATIONS_FAILPOINT: `${point}:${hit}` });
      expect(killed.code, `the first run was not killed at ${point} #${hit}:\n${killed.stdout}\n${killed.stderr}`).to.equal(null);
      tried.push(`${point}#${hit}`);

      const resumed = await migrate();
      expect(resumed.code, `${resumed.stdout}\n${resumed.stderr}`).to.equal(0);

      // No contract twice: the Migrator and five deployments, each created once.
      const creations = await creationsSince(node.url, start);
      expect(creations, JSON.stringify(creations)).to.have.length(6);

      // Registry and journal parse; the Migrator records 1, 2 and 3.
      const registry = JSON.parse(await readFile(path.join(registryDir, "31337.json"), "utf8")) as {
        migrator: { address: string };
        contracts: Record<string, { address: string; history?: unknown[] }>;
      };
      expect(Object.keys(registry.contracts).sort()).to.deep.equal(["ConvertLib", "TokenA", "TokenB", "TokenC", "Vault"]);
      for (const entry of Object.values(registry.contracts)) {
        expect(entry.history, "a name was deployed twice").to.equal(undefined);
      }
      const journalText = await readFile(path.join(registryDir, "31337.journal.jsonl"), "utf8");
      const journal = parseJournal(journalText);
      expect(journal.corrupt).to.equal(undefined);
      expect(journal.tornTail).to.equal(false);
      expect(await recordedIds(node.url, registry.migrator.address)).to.deep.equal([1, 2, 3]);
      expect((await readdir(registryDir)).filter((f) => f.endsWith(".tmp") || f.endsWith(".lock"))).to.deep.equal([]);

      // Every call happened exactly once.
      const call = async (to: string, iface: Interface, fn: string, args: unknown[] = []) =>
        iface.decodeFunctionResult(fn, await rpc<string>(node.url, "eth_call", [{ to, data: iface.encodeFunctionData(fn, args) }, "latest"]))[0] as bigint;
      expect(await call(registry.contracts.TokenA!.address, TOKEN, "balanceOf", [recipient])).to.equal(100n);
      expect(await call(registry.contracts.TokenB!.address, TOKEN, "balanceOf", [recipient])).to.equal(7n);
      expect(await call(registry.contracts.Vault!.address, VAULT, "rate")).to.equal(5n);
      expect(BigInt(await rpc<string>(node.url, "eth_getBalance", [recipient, "latest"]))).to.equal(1000n);
    });
  }
});

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}
