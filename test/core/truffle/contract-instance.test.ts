import { expect } from "chai";

import { TruffleBN } from "../../../src/core/truffle/bn.js";
import { failureOf, runTruffleMigration, withCounter } from "./truffle-chain.js";

describe("a Truffle contract instance", () => {
  it("sends a transaction for a non-view function and resolves { tx, receipt, logs } with decoded events", async () => {
    const { probed, result, connection } = await runTruffleMigration(
      withCounter(`
  const sent = await counter.bump();
  probe("sent", sent);
  probe("count", await counter.count());`),
    );
    const sent = probed.sent as { tx: string; receipt: Record<string, unknown>; logs: Array<{ event: string; args: Record<string, unknown> }> };
    const receipt = await connection.ethers.provider.getTransactionReceipt(sent.tx);
    expect(receipt?.status).to.equal(1);
    expect(sent.receipt.status).to.equal(true);
    expect(sent.receipt.gasUsed).to.equal(Number(receipt!.gasUsed));
    expect(sent.logs).to.have.length(1);
    expect(sent.logs[0]!.event).to.equal("Bumped");
    expect(sent.logs[0]!.args.__length__).to.equal(2);
    expect((sent.logs[0]!.args.count as TruffleBN).toString()).to.equal("11");
    expect(sent.logs[0]!.args.by).to.equal(await (await connection.ethers.getSigners())[0]!.getAddress());
    // Integers come back as BNs, as web3 returns them.
    expect(TruffleBN.isBN(probed.count)).to.equal(true);
    expect((probed.count as TruffleBN).toNumber()).to.equal(11);
    // The deployment and the bump: the engine counted both.
    expect(result.transactions).to.equal(2);
  });

  it("chooses an overload by argument count, and has every overload under methods[signature]", async () => {
    const { probed } = await runTruffleMigration(
      withCounter(`
  await counter.bump(5);
  await counter.methods["bump(uint256)"](1);
  await counter.methods["bump()"]();
  probe("count", (await counter.count()).toString());`),
    );
    expect(probed.count).to.equal("17");
  });

  it(".call runs without sending, .estimateGas answers a number, and BN arguments are accepted", async () => {
    const { probed, result } = await runTruffleMigration(
      withCounter(`
  probe("called", await counter.bump.call(new web3.utils.BN(5)));
  probe("reverted", await counter.fail.call().then(() => "", (e) => e.message));
  probe("gas", await counter.bump.estimateGas(new web3.utils.BN(5)));
  probe("count", (await counter.count()).toString());`),
    );
    expect(probed.called).to.equal(undefined);
    expect(probed.reverted).to.contain("Counter: nope");
    expect(probed.gas).to.be.a("number").and.greaterThan(21_000);
    expect(probed.count).to.equal("10");
    expect(result.transactions).to.equal(1);
  });

  it("returns several outputs by position and by name, and arrays of structs as named lists", async () => {
    const { probed } = await runTruffleMigration(
      withCounter(`
  const pair = await counter.pair();
  probe("pair", [pair[0].toString(), pair.total.toString(), pair[1], pair.name]);
  const points = await counter.points();
  probe("points", points.map((p) => [p.x.toString(), p.y.toString(), p[0].toString()]));`),
    );
    expect(probed.pair).to.deep.equal(["10", "10", "ten", "ten"]);
    expect(probed.points).to.deep.equal([
      ["1", "-1", "1"],
      ["2", "-2", "2"],
    ]);
  });

  it("sends ether with sendTransaction({ value }) and send(value)", async () => {
    const { probed, connection } = await runTruffleMigration(
      withCounter(`
  await counter.sendTransaction({ value: 5 });
  await counter.send(web3.utils.toWei("1", "gwei"));
  probe("address", counter.address);`),
    );
    expect(await connection.ethers.provider.getBalance(probed.address as string)).to.equal(1_000_000_005n);
  });

  it("sends as another account with { from }", async () => {
    const { probed, connection } = await runTruffleMigration(
      withCounter(`
  const sent = await counter.bump({ from: accounts[1] });
  probe("from", sent.receipt.from);`),
    );
    expect(probed.from).to.equal(await (await connection.ethers.getSigners())[1]!.getAddress());
  });

  it("refuses a wrong argument count, naming the counts it takes", async () => {
    const error = await failureOf(withCounter(`await counter.bump(1, 2);`));
    expect(error.code).to.equal("TRUFFLE_WRONG_ARGUMENT_COUNT");
    expect(error.message).to.contain("bump").and.to.contain("0 or 1");
  });

  it("fails the migration when a transaction reverts", async () => {
    const error = await failureOf(withCounter(`await counter.fail();`));
    expect(error.message).to.contain("Counter: nope");
  });
});
