import { expect } from "chai";

import type { ViemContract } from "../../src/types.js";
import { CountingRpcProxy } from "../helpers/counting-rpc-proxy.js";
import { callsPerMigration } from "../helpers/calls-per-migration.js";
import { fixtureRoot } from "../helpers/fixture.js";
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
    const { perMethod, lastRun, connection } = await callsPerMigration("viem-project", proxy, deployAndCall);
    const chainIdsInRun = lastRun.get("eth_chainId") ?? 0;

    expect(perMethod).to.deep.equal({ evm_snapshot: 1, eth_sendTransaction: 3, eth_getTransactionReceipt: 3 });
    // The chain id is read when the run starts (its identity), not per transaction or per write.
    expect(chainIdsInRun, JSON.stringify(Object.fromEntries(lastRun))).to.be.at.most(2);

    // The work was done: every Counter deployed and incremented by viem.
    for (let i = 1; i <= 7; i++) {
      const counter = await connection.migrations.registry.contract<ViemContract>(`Counter${i}`);
      expect(await counter.read.x!()).to.equal(BigInt(2 * i));
    }
  });
});
