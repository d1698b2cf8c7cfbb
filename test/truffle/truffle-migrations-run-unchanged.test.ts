import { readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { Contract, getCreateAddress, parseEther } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import type { MigrationEvent } from "../../src/types.js";
import { captureState } from "../helpers/chain-state.js";
import { createFixtureHre, fixtureRoot, migrationsDir } from "../helpers/fixture.js";

async function view(connection: NetworkConnection, name: string, fn: string, ...args: unknown[]): Promise<unknown> {
  const contract = await connection.migrations.registry.contract(name);
  return contract.getFunction(fn)(...args);
}

describe("Truffle migrations run unchanged (CommonJS files in a \"type\": \"module\" project)", () => {
  describe("the MetaCoin project", () => {
    let connection: NetworkConnection;
    let accounts: string[];

    before(async () => {
      const hre = await createFixtureHre("truffle-metacoin");
      connection = await hre.network.create();
      accounts = (await connection.ethers.getSigners()).map((s) => s.address);
    });

    it("deploys Migrations, ConvertLib linked into MetaCoin, and runs instance methods", async () => {
      const result = await connection.migrations.run();
      expect(result.migrations.map((m) => m.fileName)).to.deep.equal(["1_initial_migration.js", "2_deploy_contracts.js", "3_send_coins.js"]);
      expect(result.deployments.map((d) => d.name)).to.deep.equal(["Migrations", "ConvertLib", "MetaCoin"]);
      expect(result.migrations[2]!.transactions).to.equal(2);

      const registry = await connection.migrations.registry.all();
      expect(registry.MetaCoin!.libraries).to.deep.equal({ ConvertLib: registry.ConvertLib!.address });
      expect(registry.MetaCoin!.migration).to.equal(2);
      expect(registry.Migrations!.artifact).to.equal("contracts/Migrations.sol:Migrations");
      const code = (await connection.ethers.provider.getCode(registry.MetaCoin!.address)).toLowerCase();
      expect(code).to.contain(registry.ConvertLib!.address.slice(2).toLowerCase());

      expect(await view(connection, "MetaCoin", "getBalance", accounts[0])).to.equal(10000n - 1500n - 250n);
      expect(await view(connection, "MetaCoin", "getBalance", accounts[1])).to.equal(1500n);
      expect(await view(connection, "MetaCoin", "getBalance", accounts[2])).to.equal(250n);
      expect(await view(connection, "MetaCoin", "getBalanceInEth", accounts[1])).to.equal(3000n);
      // Truffle's Migrations contract is just a contract: our Migrator keeps the record.
      expect(await view(connection, "Migrations", "owner")).to.equal(accounts[0]);
      expect(await view(connection, "Migrations", "last_completed_migration")).to.equal(0n);
    });

    it("runs nothing the second time and reports every migration as up", async () => {
      const again = await connection.migrations.run();
      expect(again.migrations).to.deep.equal([]);
      const status = await connection.migrations.status();
      expect(status.rows.map((r) => r.state)).to.deep.equal(["up", "up", "up"]);
    });

    it("undoes Truffle migrations (which have no down) with the dev-chain snapshot", async () => {
      const { undone } = await connection.migrations.down({ steps: 2 });
      expect(undone.map((u) => [u.fileName, u.how])).to.deep.equal([
        ["3_send_coins.js", "snapshot"],
        ["2_deploy_contracts.js", "snapshot"],
      ]);
      expect(Object.keys(await connection.migrations.registry.all())).to.deep.equal(["Migrations"]);
      const rerun = await connection.migrations.run();
      expect(rerun.migrations.map((m) => m.fileName)).to.deep.equal(["2_deploy_contracts.js", "3_send_coins.js"]);
      expect(await view(connection, "MetaCoin", "getBalance", accounts[1])).to.equal(1500n);
    });
  });

  describe("TIP #1, synchronous-queue and async styles, overwrite: false, ether", () => {
    let connection: NetworkConnection;
    let accounts: string[];

    before(async () => {
      const hre = await createFixtureHre("truffle-styles");
      connection = await hre.network.create();
      accounts = (await connection.ethers.getSigners()).map((s) => s.address);
    });

    it("runs every style to completion, in order, through the registry and the record", async () => {
      const balanceBefore = await connection.ethers.provider.getBalance(accounts[2]!);
      const result = await connection.migrations.run();
      expect(result.migrations.map((m) => [m.fileName, m.transactions])).to.deep.equal([
        ["1_tip_initial_deploy.js", 1],
        ["2_tip_update_spoke.js", 2],
        ["3_sync_queue.js", 3],
        ["4_async_value.js", 4],
      ]);
      const registry = await connection.migrations.registry.all();

      // TIP #1: `Hub.address = instance.address` made the new Hub the deployed one.
      expect(registry.Hub!.migration).to.equal(1);
      expect(registry.Hub!.transactionHash).to.match(/^0x[0-9a-f]{64}$/);
      // ...and the second TIP script pointed it at a Spoke it created (not registered: `.new`).
      expect(registry.Spoke).to.equal(undefined);

      // The queue ran in order: deploy, set(2), kept (overwrite: false), then told the Hub.
      const history = registry.SimpleStorage!.history!;
      expect(history).to.have.length(1);
      expect(history[0]!.migration).to.equal(3);
      expect(history[0]!.args).to.deep.equal(["1"]);
      const first = new Contract(history[0]!.address, ["function value() view returns (uint256)"], connection.ethers.provider);
      expect(await first.getFunction("value")()).to.equal(2n);
      expect(await view(connection, "Hub", "spoke")).to.equal(history[0]!.address);

      // The async script's un-awaited deployment completed within the migration.
      expect(registry.SimpleStorage!.migration).to.equal(4);
      expect(registry.SimpleStorage!.args).to.deep.equal(["42"]);

      // Ether: 1 with the deployment, 0.5 from accounts[2], 0.25 from the deployer.
      const bank = registry.PiggyBank!.address;
      expect(await connection.ethers.provider.getBalance(bank)).to.equal(parseEther("1.75"));
      expect(await view(connection, "PiggyBank", "deposits")).to.equal(2n);
      expect(await view(connection, "PiggyBank", "beneficiary")).to.equal(accounts[1]);
      expect((await connection.ethers.provider.getBalance(accounts[2]!)) <= balanceBefore - parseEther("0.5")).to.equal(true);
    });
  });

  describe("the runtime's details, on the MetaCoin contracts", () => {
    it("orders .then chains, runs CommonJS context-style files, and gives Truffle's tx results, events, .call and .new", async () => {
      const dir = await migrationsDir({
        "1_chain.js": `
          const ConvertLib = artifacts.require("ConvertLib");
          const MetaCoin = artifacts.require("MetaCoin");
          module.exports = async function (deployer, network, accounts) {
            // Queued before the first await: runs first, in order, with the .then continuation.
            deployer.deploy(ConvertLib).then(function (lib) {
              return deployer.link(ConvertLib, [MetaCoin]);
            });
            const coin = await deployer.deploy(MetaCoin);
            const sent = await coin.sendCoin(accounts[1], 10);
            const event = sent.logs[0];
            if (sent.receipt.status !== true || event.event !== "Transfer" || event.args._value.toNumber() !== 10 || event.args._to !== accounts[1]) {
              throw new Error("unexpected result " + JSON.stringify(sent.logs));
            }
            const wouldSucceed = await coin.sendCoin.call(accounts[2], 1);
            const tooMuch = await coin.methods["sendCoin(address,uint256)"].call(accounts[2], 1000000);
            const gas = await coin.sendCoin.estimateGas(accounts[2], 1);
            const fresh = await MetaCoin.new({ from: accounts[3] });
            const freshBalance = await fresh.getBalance(accounts[3]);
            deployer.logger.log([network, wouldSucceed, tooMuch, gas > 21000, freshBalance.toString(), MetaCoin.address === coin.address].join(" "));
          };`,
        "2_context.js": `
          module.exports = async function ({ deploy, registry, log }) {
            await deploy("ConvertLib", { as: "SecondLib" });
            log("context style: " + registry.has("MetaCoin"));
          };
          module.exports.down = async function ({ log }) {
            log("down of a CommonJS file");
          };`,
        "3_unsupported.js": `
          module.exports = function (deployer) {
            deployer.then(function () { return web3.eth.getPastLogs({}); });
          };`,
      });
      const hre = await createFixtureHre("truffle-metacoin", { dir });
      const connection = await hre.network.create();
      const logs: string[] = [];
      const error = await connection.migrations
        .run({ onEvent: (event) => void (event.type === "log" && logs.push(event.message)) })
        .then(() => undefined, (e: unknown) => e as Error);

      expect(logs, error?.message).to.deep.equal(["default true false true 10000 true", "context style: true"]);
      const registry = await connection.migrations.registry.all();
      expect(registry.MetaCoin!.libraries).to.deep.equal({ ConvertLib: registry.ConvertLib!.address });
      expect(registry.ConvertLib!.blockNumber).to.be.lessThan(registry.MetaCoin!.blockNumber);
      expect(registry.SecondLib!.migration).to.equal(2);
      expect(error?.message).to.contain("3_unsupported.js").and.to.contain("web3.eth.getPastLogs is not available");

      // down: the CommonJS context-style file's own `down`, then the Truffle script (no `down`) by snapshot.
      logs.length = 0;
      const onEvent = (event: MigrationEvent) => void (event.type === "log" && logs.push(event.message));
      const first = await connection.migrations.down({ onEvent });
      const second = await connection.migrations.down({ onEvent });
      expect([...first.undone, ...second.undone].map((u) => [u.fileName, u.how])).to.deep.equal([
        ["2_context.js", "down"],
        ["1_chain.js", "snapshot"],
      ]);
      expect(logs).to.deep.equal(["down of a CommonJS file"]);
      expect(await connection.migrations.registry.has("MetaCoin")).to.equal(false);
    });
  });

  describe("a failing Truffle migration", () => {
    it("is rolled back on the dev chain: chain state and registry as before, not recorded", async () => {
      const dir = await migrationsDir({
        "1_initial_migration.js": await readFile(path.join(fixtureRoot("truffle-metacoin"), "migrations", "1_initial_migration.js"), "utf8"),
        "2_fails.js": `
          const ConvertLib = artifacts.require("ConvertLib");
          const MetaCoin = artifacts.require("MetaCoin");
          module.exports = function (deployer, network, accounts) {
            deployer.deploy(ConvertLib);
            deployer.link(ConvertLib, MetaCoin);
            deployer.deploy(MetaCoin).then(function (coin) {
              return coin.sendCoin(accounts[3], 10);
            });
            deployer.then(function () {
              return web3.eth.sendTransaction({ from: accounts[0], to: accounts[3], value: web3.utils.toWei("2", "ether") });
            });
            deployer.then(function () {
              throw new Error("the fourth step fails");
            });
            deployer.deploy(ConvertLib);
          };`,
      });
      const hre = await createFixtureHre("truffle-metacoin", { dir });
      const connection = await hre.network.create();
      await connection.migrations.run({ to: 1 });
      const [deployer] = await connection.ethers.getSigners();
      const nonce = await connection.ethers.provider.getTransactionCount(deployer!.address);
      const touched = [deployer!.address, accounts3(await connection.ethers.getSigners()), getCreateAddress({ from: deployer!.address, nonce }), getCreateAddress({ from: deployer!.address, nonce: nonce + 1 })];
      const before = await captureState(connection.provider, touched);
      const registryBefore = await connection.migrations.registry.all();

      let failure: (Error & { code?: string; rolledBack?: boolean }) | undefined;
      try {
        await connection.migrations.run();
      } catch (error) {
        failure = error as Error & { code?: string; rolledBack?: boolean };
      }
      expect(failure?.code).to.equal("MIGRATION_FAILED");
      expect(failure!.message).to.contain("2_fails.js").and.to.contain("the fourth step fails");
      expect(failure!.rolledBack).to.equal(true);
      expect(await captureState(connection.provider, touched)).to.deep.equal(before);
      expect(await connection.migrations.registry.all()).to.deep.equal(registryBefore);
      expect((await connection.migrations.status()).rows.map((r) => r.state)).to.deep.equal(["up", "pending"]);
    });

    it("reports an unknown artifacts.require name as a load failure, sending nothing", async () => {
      const dir = await migrationsDir({
        "1_typo.js": `const X = artifacts.require("MetaCion");\nmodule.exports = function (deployer) { deployer.deploy(X); };`,
      });
      const hre = await createFixtureHre("truffle-metacoin", { dir });
      const connection = await hre.network.create();
      const error = await connection.migrations.run().then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error?.message).to.contain("HHM122").and.to.contain("Could not find artifacts for MetaCion");
      expect(await connection.migrations.registry.has("MetaCoin")).to.equal(false);
    });
  });
});

function accounts3(signers: ReadonlyArray<{ address: string }>): string {
  return signers[3]!.address;
}
