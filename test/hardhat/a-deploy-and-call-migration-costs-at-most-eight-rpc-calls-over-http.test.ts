import { expect } from "chai";

import { CountingRpcProxy } from "../helpers/counting-rpc-proxy.js";
import { callsPerMigration } from "../helpers/calls-per-migration.js";
import { fixtureRoot } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";

const RECIPIENT = "0x00000000000000000000000000000000000beef1";

/** Deploys a Token, then calls it and waits for the call as a user's script does. */
const deployAndCall = (i: number) => `
export default async function ({ deploy }) {
  const token = await deploy("Token", ["T${i}", 1000n], { as: "Token${i}" });
  await (await token.getFunction("transfer")(${JSON.stringify(RECIPIENT)}, ${i}n)).wait();
}
`;

describe("a deploy + call migration over HTTP costs at most 8 JSON-RPC calls", function () {
  let node: RunningNode;
  let proxy: CountingRpcProxy;

  before(async () => {
    node = await startHardhatNode(fixtureRoot("basic"));
    proxy = new CountingRpcProxy(node.url);
  });

  after(async () => {
    await proxy?.stop();
    await node?.stop();
  });

  it("sends one snapshot, then per transaction one send and one receipt (and the migration's own wait() asks nothing)", async () => {
    const { perMigration, perMethod, connection } = await callsPerMigration("basic", proxy, deployAndCall);
    expect(perMigration, JSON.stringify(perMethod)).to.be.at.most(8);
    expect(perMethod).to.deep.equal({ evm_snapshot: 1, eth_sendTransaction: 3, eth_getTransactionReceipt: 3 });

    // The work was done: every Token deployed, every transfer mined.
    for (let i = 1; i <= 7; i++) {
      const token = await connection.migrations.registry.contract(`Token${i}`);
      expect(await token.getFunction("balanceOf")(RECIPIENT)).to.equal(BigInt(i));
    }
  });
});
