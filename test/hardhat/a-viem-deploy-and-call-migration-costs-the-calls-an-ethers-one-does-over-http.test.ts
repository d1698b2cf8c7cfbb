import { expect } from "chai";

import type { ViemContract } from "../../src/types.js";
import { CountingRpcProxy } from "../helpers/counting-rpc-proxy.js";
import { createFixtureHre, fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";

/** Deploys a Counter and calls it with viem, without waiting (the engine waits), as a viem user writes it. */
const deployAndCall = (i: number) => `
export default async function ({ deploy }) {
  const counter = await deploy("Counter", [${i}n], { as: "Counter${i}" });
  await counter.write.incBy([${i}n]);
}
`;

describe("a viem deploy + call migration over HTTP costs the JSON-RPC calls an ethers one does", function () {
  let node: RunningNode;
  let proxy: CountingRpcProxy;

  before(async () => {
    node = await startHardhatNode(fixtureRoot("viem-project"));
    proxy = new CountingRpcProxy(node.url);
  });

  after(async () => {
    await proxy?.stop();
    await node?.stop();
  });

  it("per migration one snapshot, and per transaction one send and one receipt: viem asks no chain id per write", async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 7; i++) {
      files[`${i}_counter.js`] = deployAndCall(i);
    }
    const dir = await migrationsDir(files);
    const url = await proxy.start();
    const hre = await createFixtureHre("viem-project", { dir, registryDir: await tempDir("hhm-viem-calls-") }, {
      networks: { counted: { type: "http", url } },
    });
    const connection = await hre.network.create("counted");
    await connection.migrations.run({ to: 1 }); // deploys the Migrator, learns the nonce

    proxy.reset();
    await connection.migrations.run({ to: 3 });
    const twoMigrations = { calls: proxy.calls, methods: new Map(proxy.methods) };
    proxy.reset();
    await connection.migrations.run();
    const fourMigrations = { calls: proxy.calls, methods: new Map(proxy.methods) };
    const chainIdsInRun = fourMigrations.methods.get("eth_chainId") ?? 0;

    // What a run costs once (chain identity, record, journal) cancels out: this is per migration.
    const perMethod = Object.fromEntries(
      [...fourMigrations.methods].map(([method, n]) => [method, (n - (twoMigrations.methods.get(method) ?? 0)) / 2]).filter(([, n]) => n !== 0),
    );
    expect(perMethod).to.deep.equal({ evm_snapshot: 1, eth_sendTransaction: 3, eth_getTransactionReceipt: 3 });
    // The chain id is read when the run starts (its identity), not per transaction or per write.
    expect(chainIdsInRun, JSON.stringify(Object.fromEntries(fourMigrations.methods))).to.be.at.most(2);

    // The work was done: every Counter deployed and incremented by viem.
    for (let i = 1; i <= 7; i++) {
      const counter = await connection.migrations.registry.contract<ViemContract>(`Counter${i}`);
      expect(await counter.read.x!()).to.equal(BigInt(2 * i));
    }
  });
});
