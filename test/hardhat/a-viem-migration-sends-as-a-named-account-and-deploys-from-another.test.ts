import { expect } from "chai";

import { createFixtureHre, migrationsDir } from "../helpers/fixture.js";

/**
 * In a project on viem, `ctx.accounts.<name>.signer()` is the account's wallet client and
 * `deploy(..., { from })` deploys from another account: both send through the migration's
 * journaled path, and the chain shows each transaction from the account the script chose.
 */
describe("a viem migration sends as a named account and deploys from another", function () {
  it("writes as the operator's wallet client, deploys from the treasury, and counts every transaction", async () => {
    const dir = await migrationsDir({
      "1_accounts.mjs": `
export default async function ({ deploy, account, deployer }) {
  const operator = await account("operator").signer();
  const counter = await deploy("Counter", [1n]);
  const hash = await counter.write.incBy([4n], { account: operator.account });
  const other = await deploy("Counter", [7n], { as: "TreasuryCounter", from: account("treasury").address });
  globalThis.probed = {
    deployer: deployer.account.address,
    operator: operator.account.address,
    hash,
    x: await counter.read.x(),
    otherOwner: await other.read.owner(),
  };
}`,
    });
    const hre = await createFixtureHre("viem-project", { dir, accounts: { operator: 1, treasury: 2 } });
    const connection = await hre.network.create();
    const accounts = (await connection.provider.request({ method: "eth_accounts" })) as string[];
    const result = await connection.migrations.run();
    const probed = (globalThis as { probed?: Record<string, unknown> }).probed!;

    expect(result.migrations.map((m) => m.transactions)).to.deep.equal([3]);
    expect(String(probed.deployer).toLowerCase()).to.equal(accounts[0]);
    expect(String(probed.operator).toLowerCase()).to.equal(accounts[1]);
    expect(probed.x).to.equal(5n);
    expect(String(probed.otherOwner).toLowerCase()).to.equal(accounts[2]);
    const sent = (await connection.provider.request({ method: "eth_getTransactionByHash", params: [probed.hash] })) as { from: string };
    expect(sent.from.toLowerCase()).to.equal(accounts[1]);
    expect(Object.keys(await connection.migrations.registry.all())).to.deep.equal(["Counter", "TreasuryCounter"]);
  });
});
