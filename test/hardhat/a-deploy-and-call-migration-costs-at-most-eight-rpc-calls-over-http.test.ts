import { expect } from "chai";

import { CountingRpcProxy } from "../helpers/counting-rpc-proxy.js";
import { createFixtureHre, fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
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
    const files: Record<string, string> = {};
    for (let i = 1; i <= 7; i++) {
      files[`${i}_token.js`] = deployAndCall(i);
    }
    const dir = await migrationsDir(files);
    const url = await proxy.start();
    const hre = await createFixtureHre("basic", { dir, registryDir: await tempDir("hhm-registry-") }, {
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

    // What a run costs once (chain identity, record, journal) cancels out: this is per migration.
    const perMigration = (fourMigrations.calls - twoMigrations.calls) / 2;
    const perMethod = Object.fromEntries(
      [...fourMigrations.methods].map(([method, n]) => [method, (n - (twoMigrations.methods.get(method) ?? 0)) / 2]).filter(([, n]) => n !== 0),
    );
    expect(perMigration, JSON.stringify(perMethod)).to.be.at.most(8);
    expect(perMethod).to.deep.equal({ evm_snapshot: 1, eth_sendTransaction: 3, eth_getTransactionReceipt: 3 });

    // The work was done: every Token deployed, every transfer mined.
    for (let i = 1; i <= 7; i++) {
      const token = await connection.migrations.registry.contract(`Token${i}`);
      expect(await token.getFunction("balanceOf")(RECIPIENT)).to.equal(BigInt(i));
    }
  });
});
