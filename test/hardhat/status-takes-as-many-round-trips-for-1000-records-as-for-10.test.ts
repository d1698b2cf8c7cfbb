import { expect } from "chai";
import { JsonRpcProvider, id as keccakText } from "ethers";

import type { Eip1193Provider } from "../../src/core/provider.js";
import { MigratorStateStore } from "../../src/core/stores/migrator-state-store.js";
import { storeSender } from "../../src/core/transactions/journaled-step.js";
import { MigrationSender, createTransactionLayer } from "../../src/core/transactions/migration-sender.js";
import { runHardhat } from "../helpers/cli.js";
import { CountingRpcProxy } from "../helpers/counting-rpc-proxy.js";
import { fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";
import { rpc } from "../helpers/rpc.js";
import { providerAccount } from "../../src/core/transactions/sending-account.js";

function providerAt(url: string): Eip1193Provider {
  return { request: ({ method, params }) => rpc(url, method, (params as unknown[] | undefined) ?? []) };
}

describe("status takes as many round trips for 1,000 records as for 10", function () {
  let node: RunningNode;
  let dir: string;

  before(async () => {
    node = await startHardhatNode(fixtureRoot("basic"));
    dir = await migrationsDir({ "1_first.js": "export default async function () {}\n" });
  });

  after(async () => {
    await node?.stop();
  });

  /** A project whose Migrator holds `n` records (1 by `migrate`, the rest timestamp ids sent straight to it). */
  async function projectWith(n: number): Promise<{ registryDir: string; address: string }> {
    const registryDir = await tempDir("hhm-rounds-");
    const env = { MIGRATIONS_TEST_RPC_URL: node.url, MIGRATIONS_TEST_DIR: dir, MIGRATIONS_TEST_REGISTRY_DIR: registryDir };
    const run = await runHardhat(fixtureRoot("basic"), ["migrate", "--network", "testnode", "--no-compile"], env);
    expect(run.code, run.stderr).to.equal(0);
    const { readFile } = await import("node:fs/promises");
    const registry = JSON.parse(await readFile(`${registryDir}/31337.json`, "utf8")) as { migrator: { address: string; blockNumber: number; deployer: string } };
    const ethers = new JsonRpcProvider(node.url, undefined, { staticNetwork: true });
    const signer = await ethers.getSigner(0);
    const provider = providerAt(node.url);
    const attached = (await MigratorStateStore.attach(provider, { address: signer.address }, { ...registry.migrator, design: 2 }, { file: "registry", network: "testnode" }))!;
    // Recorded through the plugin's transaction path, as a command records.
    const layer = createTransactionLayer(provider, {});
    const store = attached.store.connect(storeSender(new MigrationSender(layer, { id: 0, fileName: "(records)" }), providerAccount(provider, signer.address)));
    for (let i = 1; i < n; i++) {
      await store.record(20_261_201_000_000 + i, keccakText(String(i)));
    }
    ethers.destroy();
    return { registryDir, address: registry.migrator.address };
  }

  it("reading the record (version, owner, events) is one round trip, for 10 and for 1,000 records", async () => {
    for (const n of [10, 1000]) {
      const { address } = await projectWith(n);
      // 100 ms per request, as a remote node: requests sent at once overlap and count as one round trip.
      const proxy = new CountingRpcProxy(node.url, { delayMs: 100 });
      const url = await proxy.start();
      try {
        const ethers = new JsonRpcProvider(url, undefined, { staticNetwork: true });
        const signer = await ethers.getSigner(await (await new JsonRpcProvider(node.url, undefined, { staticNetwork: true }).getSigner(0)).getAddress());
        proxy.reset();
        const attached = (await MigratorStateStore.attach(providerAt(url), signer, { address, blockNumber: 0, design: 2 }, { file: "registry", network: "testnode" }))!;
        await attached.store.records(attached.completed);
        expect(attached.completed.size).to.equal(n);
        expect(proxy.rounds, `${n} records: ${JSON.stringify([...proxy.methods])}`).to.equal(1);
        ethers.destroy();
      } finally {
        await proxy.stop();
      }
    }
  });

  it("`migrate status` and a `migrate` with nothing to do make the same number of round trips for 10 and 1,000 records", async () => {
    const counts: Record<string, number[]> = { status: [], migrate: [] };
    const methods: string[] = [];
    for (const n of [10, 1000]) {
      const { registryDir } = await projectWith(n);
      // 100 ms per request, as a remote node: requests sent at once overlap and count as one round trip.
      const proxy = new CountingRpcProxy(node.url, { delayMs: 100 });
      const url = await proxy.start();
      try {
        const env = { MIGRATIONS_TEST_RPC_URL: url, MIGRATIONS_TEST_DIR: dir, MIGRATIONS_TEST_REGISTRY_DIR: registryDir };
        for (const [name, args] of [
          ["status", ["migrate", "status", "--network", "testnode"]],
          ["migrate", ["migrate", "--network", "testnode", "--no-compile"]],
        ] as const) {
          proxy.reset();
          const run = await runHardhat(fixtureRoot("basic"), [...args], env);
          expect(run.code, run.stderr).to.equal(0);
          counts[name]!.push(proxy.rounds);
          methods.push(`${name} ${n}: ${JSON.stringify([...proxy.methods])}`);
        }
      } finally {
        await proxy.stop();
      }
    }
    console.log(`      round trips (10 records, 1,000 records): status ${counts.status!.join(", ")}; migrate ${counts.migrate!.join(", ")}`);
    console.log(methods.map((m) => `      ${m}`).join("\n"));
    expect(counts.status![1]).to.equal(counts.status![0]);
    expect(counts.migrate![1]).to.equal(counts.migrate![0]);
    // One to identify the chain, one to read the record (and resolve the deployer).
    expect(Math.max(...counts.status!, ...counts.migrate!)).to.be.at.most(2);
  });
});
