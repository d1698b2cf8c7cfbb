import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { Wallet } from "ethers";

import { runHardhat, spawnHardhat } from "../helpers/cli.js";
import { createFixtureHre, fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { liveLookingNode } from "../helpers/live-looking-node.js";
import { deployTokenAs } from "../helpers/migrations.js";
import { blockNumber, creationsSince, rpc } from "../helpers/rpc.js";
import { startRpcProxy } from "../helpers/rpc-proxy.js";

const deploysTwoThenThrows = `
export default async function ({ deploy }) {
  await deploy("Token", ["A", 10n], { as: "A" });
  await deploy("Token", ["B", 20n], { as: "B" });
  throw new Error("the third step is broken");
}`;
const deploysTwoThenTransfers = `
export default async function ({ deploy, registry }) {
  const a = await deploy("Token", ["A", 10n], { as: "A" });
  await deploy("Token", ["B", 20n], { as: "B" });
  await (await a.getFunction("transfer")(registry.get("B").address, 3n)).wait();
}`;
const deploysOtherFirst = `
export default async function ({ deploy }) {
  await deploy("Token", ["Z", 99n], { as: "A" });
}`;

/** Waits (checking every 20 ms, up to 60 s) until `condition` holds. */
async function waitUntil(condition: () => boolean, explain: () => string): Promise<void> {
  for (const deadline = Date.now() + 60_000; !condition(); ) {
    if (Date.now() > deadline) {
      expect.fail(explain());
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const errorOf = async (promise: Promise<unknown>): Promise<Error & { code?: string }> => {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  expect.fail("it did not fail");
};

describe("live-network safety against a `hardhat node`", function () {
  const live = liveLookingNode();

  const connect = async (dir: string, registryDir: string, url: string, networks: Record<string, object> = {}) => {
    const hre = await createFixtureHre("basic", { dir, registryDir, networks }, { networks: { testnode: { type: "http", url } } });
    return hre.network.create("testnode");
  };

  describe("on a network that is not a dev chain", () => {
    it("asks before the first transaction: without a terminal it stops and sends nothing; --yes runs", async () => {
      const dir = await migrationsDir({ "1_token.js": deployTokenAs("T") });
      const env = { MIGRATIONS_TEST_RPC_URL: live.url, MIGRATIONS_TEST_DIR: dir, MIGRATIONS_TEST_REGISTRY_DIR: await tempDir("hhm-live-") };
      const block = await blockNumber(live.node.url);

      const refused = await runHardhat(fixtureRoot("basic"), ["migrate", "--network", "testnode", "--no-compile"], env);
      expect(refused.code).to.not.equal(0);
      expect(refused.stderr + refused.stdout).to.contain("HHM197").and.to.contain("not a dev chain").and.to.contain("deploy a Migrator, then run 1 migration(s) (1_token.js) on testnode").and.to.contain("--yes");
      expect(await blockNumber(live.node.url)).to.equal(block);

      const yes = await runHardhat(fixtureRoot("basic"), ["migrate", "--network", "testnode", "--no-compile", "--yes"], env);
      expect(yes.code, yes.stderr).to.equal(0);
      expect(yes.stdout).to.contain("1_token.js");
    });

    it("journals a failed migration, shows it interrupted, and resumes the fixed script without sending again", async () => {
      const dir = await migrationsDir({ "1_pair.js": deploysTwoThenThrows });
      const env = { MIGRATIONS_TEST_RPC_URL: live.url, MIGRATIONS_TEST_DIR: dir, MIGRATIONS_TEST_REGISTRY_DIR: await tempDir("hhm-live-") };
      const hardhat = (...args: string[]) => runHardhat(fixtureRoot("basic"), [...args, "--network", "testnode", "--no-compile"], env);
      const start = (await blockNumber(live.node.url)) + 1;

      const failed = await hardhat("migrate", "--yes");
      expect(failed.code).to.not.equal(0);
      expect(failed.stderr + failed.stdout).to.contain("the third step is broken").and.to.contain("cannot be rolled back").and.to.contain("to resume it");

      const status = await runHardhat(fixtureRoot("basic"), ["migrate", "status", "--network", "testnode"], env);
      expect(status.stdout).to.match(/1\s+1_pair\.js\s+interrupted\s+2 tx sent/).and.to.contain("The network is dirty");
      const json = await runHardhat(fixtureRoot("basic"), ["migrate", "status", "--json", "--network", "testnode"], env);
      const row = (JSON.parse(json.stdout) as { rows: Array<{ interrupted?: object }> }).rows[0]!;
      expect(row.interrupted).to.deep.include({ transactions: 2, failure: "the third step is broken" });

      await writeFile(path.join(dir, "1_pair.js"), deploysTwoThenTransfers);
      const resumed = await hardhat("migrate", "--yes");
      expect(resumed.code, resumed.stderr).to.equal(0);
      expect(resumed.stdout).to.contain("Resuming 1_pair.js").and.to.contain("The file changed since").and.to.contain("3 transaction(s) (2 sent by the interrupted run, reused)");
      // The Migrator, A and B: each created once.
      expect(await creationsSince(live.node.url, start)).to.have.length(3);
      expect((await runHardhat(fixtureRoot("basic"), ["migrate", "status", "--network", "testnode"], env)).stdout).to.match(/1\s+1_pair\.js\s+up/);
    });

    it("refuses to resume a script whose transactions differ, sending nothing; --force-clean starts it over", async () => {
      const dir = await migrationsDir({ "1_pair.js": deploysTwoThenThrows });
      const env = { MIGRATIONS_TEST_RPC_URL: live.url, MIGRATIONS_TEST_DIR: dir, MIGRATIONS_TEST_REGISTRY_DIR: await tempDir("hhm-live-") };
      const hardhat = (...args: string[]) => runHardhat(fixtureRoot("basic"), [...args, "--network", "testnode", "--no-compile"], env);
      expect((await hardhat("migrate", "--yes")).code).to.not.equal(0);
      await writeFile(path.join(dir, "1_pair.js"), deploysOtherFirst);
      const block = await blockNumber(live.node.url);

      const diverged = await hardhat("migrate", "--yes");
      expect(diverged.code).to.not.equal(0);
      expect(diverged.stderr + diverged.stdout).to.contain("HHM192").and.to.contain("transaction #1").and.to.contain("calldata").and.to.contain("--force-clean 1");
      expect(await blockNumber(live.node.url)).to.equal(block);

      const cleaned = await hardhat("migrate", "--force-clean", "1");
      expect(cleaned.code, cleaned.stderr).to.equal(0);
      expect(cleaned.stdout).to.contain("Marked 1_pair.js as resolved").and.to.contain("2 transaction(s)");
      const again = await hardhat("migrate", "--force-clean", "1");
      expect(again.stderr + again.stdout).to.contain("HHM193");

      const rerun = await hardhat("migrate", "--yes");
      expect(rerun.code, rerun.stderr).to.equal(0);
      expect(rerun.stdout).to.not.contain("reused");
      const registry = JSON.parse(await readFile(path.join(env.MIGRATIONS_TEST_REGISTRY_DIR, "31337.json"), "utf8")) as { contracts: { A: { args: unknown[] } } };
      expect(registry.contracts.A.args).to.deep.equal(["Z", "99"]);
    });
  });

  describe("waiting for transactions", () => {
    afterEach(async () => {
      await rpc(live.node.url, "evm_setAutomine", [true]);
    });

    it("a stuck transaction times out naming its hash and nonce; once mined, the re-run uses it", async () => {
      const dir = await migrationsDir({ "1_token.js": deployTokenAs("Stuck") });
      const registryDir = await tempDir("hhm-stuck-");
      const connection = await connect(dir, registryDir, live.node.url, { testnode: { txTimeout: 1 } });
      const start = (await blockNumber(live.node.url)) + 1;
      await rpc(live.node.url, "evm_setAutomine", [false]);

      const timeout = await errorOf(connection.migrations.run());
      expect(timeout.message).to.match(/HHM194: Transaction 0x[0-9a-f]{64} \(nonce \d+\) sent by \(the Migrator\) was not mined within 1 s/);
      expect(timeout.message).to.contain("resumes without sending anything twice");

      await rpc(live.node.url, "evm_mine");
      await rpc(live.node.url, "evm_setAutomine", [true]);
      await connection.migrations.run();
      expect(await creationsSince(live.node.url, start)).to.have.length(2);
      expect((await connection.migrations.status()).rows.map((r) => r.state)).to.deep.equal(["up"]);
    });

    it("bumps the fee of a transaction that is not mined, and the replacement is the one that counts", async () => {
      const dir = await migrationsDir({ "1_token.js": deployTokenAs("Bumped") });
      const registryDir = await tempDir("hhm-bump-");
      const connection = await connect(dir, registryDir, live.node.url, {
        testnode: { txTimeout: 60, feeBump: { afterSeconds: 0.3, percent: 25, maxBumps: 3 } },
      });
      const start = (await blockNumber(live.node.url)) + 1;
      await rpc(live.node.url, "evm_setAutomine", [false]);

      const running = connection.migrations.run();
      const journalFile = path.join(registryDir, "31337.journal.jsonl");
      let replaced: { hash: string } | undefined;
      for (let i = 0; i < 200 && replaced === undefined; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const text = await readFile(journalFile, "utf8").catch(() => "");
        replaced = text
          .split("\n")
          .filter((line) => line.includes('"tx-replaced"'))
          .map((line) => JSON.parse(line) as { hash: string })[0];
      }
      expect(replaced, "no replacement was sent").to.not.equal(undefined);
      await rpc(live.node.url, "evm_setAutomine", [true]);
      await rpc(live.node.url, "evm_mine");
      const result = await running;

      const registry = JSON.parse(await readFile(path.join(registryDir, "31337.json"), "utf8")) as { migrator: { transactionHash: string } };
      const creations = await creationsSince(live.node.url, start);
      expect(creations).to.have.length(2);
      expect(creations.map((c) => c.hash)).to.include(registry.migrator.transactionHash);
      expect(result.migrations).to.have.length(1);
      const replacements = (await readFile(journalFile, "utf8")).split("\n").filter((line) => line.includes('"tx-replaced"'));
      expect(replacements.map((line) => (JSON.parse(line) as { hash: string }).hash)).to.include(registry.migrator.transactionHash);
    });
  });

  it("behind a flaky load balancer: a send answered 'already known' is adopted, a stale nonce is corrected", async () => {
    let lied = false;
    let staleCount = true;
    const flaky = await startRpcProxy(live.node.url, {
      answer: (request) => {
        // One backend lags: the first pending count it gives is one too low.
        if (request.method === "eth_getTransactionCount" && request.params[1] === "pending" && staleCount) {
          staleCount = false;
          return { result: "0x0" };
        }
        return undefined;
      },
      rewrite: (request, result) => {
        // The second send reaches the node, but its answer is lost and a retry says "already known".
        if (request.method === "eth_sendTransaction" && !lied && (flakyCalls.get("eth_sendTransaction") ?? 0) >= 2) {
          lied = true;
          throw new Error("already known");
        }
        return result;
      },
    });
    const flakyCalls = flaky.calls;
    try {
      const dir = await migrationsDir({ "1_pair.js": deploysTwoThenTransfers });
      const registryDir = await tempDir("hhm-flaky-");
      const start = (await blockNumber(live.node.url)) + 1;
      const connection = await connect(dir, registryDir, flaky.url);
      const result = await connection.migrations.run();
      expect(lied, "the proxy never lied").to.equal(true);
      expect(result.migrations[0]!.transactions).to.equal(3);
      // The Migrator, A and B: once each, although one send was "lost" and one nonce was stale.
      expect(await creationsSince(live.node.url, start)).to.have.length(3);
    } finally {
      await flaky.stop();
    }
  });

  it("waits for the configured confirmations", async () => {
    const dir = await migrationsDir({ "1_token.js": deployTokenAs("Confirmed") });
    const connection = await connect(dir, await tempDir("hhm-confirm-"), live.node.url, { testnode: { confirmations: 3 } });
    await rpc(live.node.url, "evm_setAutomine", [false]);
    await rpc(live.node.url, "evm_setIntervalMining", [100]);
    try {
      const result = await connection.migrations.run();
      const receipt = await connection.ethers.provider.getTransactionReceipt(result.deployments[0]!.transactionHash);
      expect(await blockNumber(live.node.url)).to.be.at.least(receipt!.blockNumber + 2);
    } finally {
      await rpc(live.node.url, "evm_setIntervalMining", [0]);
      await rpc(live.node.url, "evm_setAutomine", [true]);
    }
  });

  it("two runs at once: one migrates, the other stops with a clear message, and each migration runs once", async () => {
    // A barrier, not a sleep: the first run's migration 1 says it is inside (holding the lock),
    // then waits until the test lets it go, after the second run has tried and stopped.
    const barrier = await tempDir("hhm-barrier-");
    const inside = path.join(barrier, "inside");
    const release = path.join(barrier, "release");
    const dir = await migrationsDir({
      "1_slow.js": `
import { existsSync, writeFileSync } from "node:fs";
export default async function ({ deploy }) {
  await deploy("Token", ["Slow", 1n], { as: "Slow" });
  writeFileSync(${JSON.stringify(inside)}, String(process.pid));
  while (!existsSync(${JSON.stringify(release)})) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}`,
      "2_token.js": deployTokenAs("Second"),
    });
    const env = { MIGRATIONS_TEST_RPC_URL: live.node.url, MIGRATIONS_TEST_DIR: dir, MIGRATIONS_TEST_REGISTRY_DIR: await tempDir("hhm-concurrent-") };
    const start = (await blockNumber(live.node.url)) + 1;
    const first = spawnHardhat(fixtureRoot("basic"), ["migrate", "--network", "testnode", "--no-compile"], env);
    const firstExit = new Promise<number | null>((resolve) => first.child.on("exit", resolve));
    await waitUntil(() => existsSync(inside), () => `the first run never reached its migration:\n${first.output()}`);
    const second = await runHardhat(fixtureRoot("basic"), ["migrate", "--network", "testnode", "--no-compile"], env);
    await writeFile(release, "");
    const firstCode = await firstExit;
    expect(firstCode, first.output()).to.equal(0);
    expect(second.code, second.stdout + second.stderr).to.equal(1);
    expect(second.stderr + second.stdout).to.contain("HHM196").and.to.contain("Another run is migrating chain 31337").and.to.contain("31337.lock");
    // The Migrator, Slow and Second: once each.
    expect(await creationsSince(live.node.url, start)).to.have.length(3);
  });

  it("never prints or writes the RPC URL's credentials and key, nor the deployer's private key", async () => {
    const key = Wallet.createRandom().privateKey;
    const deployer = new Wallet(key).address;
    await rpc(live.node.url, "hardhat_setBalance", [deployer, "0x56BC75E2D63100000"]);
    const password = "s3cretPassw0rd";
    const apiKey = "0123456789abcdef0123456789abcdef";
    const port = new URL(live.node.url).port;
    const dir = await migrationsDir({ "1_token.js": deployTokenAs("Safe"), "2_fails.js": `export default async function ({ network }) { throw new Error("cannot continue on " + network.name); }` });
    const registryDir = await tempDir("hhm-secret-");
    const env = {
      MIGRATIONS_TEST_RPC_URL: `http://user:${password}@127.0.0.1:${port}/v3/${apiKey}`,
      MIGRATIONS_TEST_ACCOUNT_KEY: key,
      MIGRATIONS_TEST_DIR: dir,
      MIGRATIONS_TEST_REGISTRY_DIR: registryDir,
    };
    const run = await runHardhat(fixtureRoot("basic"), ["migrate", "--network", "testnode", "--no-compile"], env);
    const status = await runHardhat(fixtureRoot("basic"), ["migrate", "status", "--network", "testnode"], env);
    const written = [
      await readFile(path.join(registryDir, "31337.json"), "utf8").catch(() => ""),
      await readFile(path.join(registryDir, "31337.journal.jsonl"), "utf8").catch(() => ""),
    ];
    for (const text of [run.stdout, run.stderr, status.stdout, status.stderr, ...written]) {
      expect(text).to.not.contain(password).and.not.contain(apiKey).and.not.contain(key.slice(2));
    }
    expect(run.stdout + run.stderr).to.contain("cannot continue on testnode");
    expect(written[0]).to.contain(deployer);
  });
});
