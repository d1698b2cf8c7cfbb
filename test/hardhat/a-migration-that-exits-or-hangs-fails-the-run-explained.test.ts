import { existsSync } from "node:fs";
import path from "node:path";

import { expect } from "chai";

import { runHardhat, type CliResult } from "../helpers/cli.js";
import { createFixtureHre, fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";
import { deployToken } from "../helpers/migrations.js";

const exitsWithZero = `
export default async function ({ deploy }) {
  await deploy("Token", ["Half done", 1n]);
  process.exit(0);
}`;

/** Never settles, and keeps the process alive (a timer) like a stuck poll or subscription would. */
const hangs = `
export default async function () {
  await new Promise(() => setInterval(() => {}, 1000));
}`;

describe("a migration that exits or hangs fails the run, explained, and leaves no lock behind", function () {
  let node: RunningNode;

  before(async () => {
    node = await startHardhatNode(fixtureRoot("basic"));
  });

  after(async () => {
    await node?.stop();
  });

  // The timeout applies to every migration: the hanging one runs alone, so that a slow machine
  // cannot make a short timeout hit another one first.
  async function project(migration: string, before: Record<string, string> = {}) {
    return { dir: await migrationsDir({ ...before, "2_bad.js": migration }), registryDir: await tempDir("hhm-registry-") };
  }

  const hardhat = (where: { dir: string; registryDir: string }, args: string[], env: Record<string, string> = {}): Promise<CliResult> =>
    runHardhat(fixtureRoot("basic"), [...args, "--network", "testnode"], {
      MIGRATIONS_TEST_RPC_URL: node.url,
      MIGRATIONS_TEST_DIR: where.dir,
      MIGRATIONS_TEST_REGISTRY_DIR: where.registryDir,
      ...env,
    });

  function expectExplainedFailure(result: CliResult, message: string): void {
    const output = result.stdout + result.stderr;
    expect(result.code, output).to.equal(1);
    expect(output).to.contain("HHM122: Migration 2_bad.js failed: ");
    expect(output).to.contain(message);
    expect(output).to.contain("Rolled back: the chain and the registry are as they were before it, and it is not recorded.");
    expect(output).to.not.contain("An unexpected error occurred");
  }

  it("process.exit(0) in a migration exits 1 with HHM254, rolls it back and releases the lock", async () => {
    const where = await project(exitsWithZero, { "1_token.js": deployToken });
    const result = await hardhat(where, ["migrate"]);
    expectExplainedFailure(result, "HHM254: Migration 2_bad.js called process.exit(0); a migration cannot end the process, so it was stopped and treated as failed.");
    expect(result.stdout).to.match(/1_token\.js\n(?: {4}tx 0x[0-9a-f]{64} \(create, nonce \d+\) sent\n) {2}Token/);
    expect(existsSync(path.join(where.registryDir, "31337.lock"))).to.equal(false);

    const status = await hardhat(where, ["migrate", "status"]);
    expect(status.stdout).to.match(/2\s+2_bad\.js\s+pending/);
    expect(status.stdout).to.match(/1\s+1_token\.js\s+up/);
  });

  it("a migration that never settles stops after --migration-timeout with HHM253, and the process ends", async () => {
    const where = await project(hangs);
    const started = Date.now();
    const result = await hardhat(where, ["migrate", "--migration-timeout", "2"]);
    expectExplainedFailure(result, "HHM253: Migration 2_bad.js did not finish within 2 s (the migration timeout).");
    expect(Date.now() - started).to.be.below(60_000);
    expect(existsSync(path.join(where.registryDir, "31337.lock"))).to.equal(false);
  });

  it("takes the timeout from the network's settings (migrations.networks.<name>.migrationTimeout)", async () => {
    const where = await project(hangs);
    const result = await hardhat(where, ["migrate"], { MIGRATIONS_TEST_NETWORKS: JSON.stringify({ testnode: { migrationTimeout: 1 } }) });
    expectExplainedFailure(result, "HHM253: Migration 2_bad.js did not finish within 1 s (the migration timeout).");
  });

  it("takes the timeout from migrations.migrationTimeout (in-process network, from code)", async () => {
    const dir = await migrationsDir({ "1_waits.js": "export default async function () { await new Promise(() => {}); }" });
    const hre = await createFixtureHre("basic", { dir, migrationTimeout: 0.5 });
    try {
      await (await hre.network.create()).migrations.run();
      expect.fail("a migration that never settles completed");
    } catch (error) {
      expect((error as Error).message).to.contain("HHM253: Migration 1_waits.js did not finish within 0.5 s (the migration timeout).");
    }
  });

  it("rejects a --migration-timeout that is not a number of seconds", async () => {
    const where = await project(hangs);
    const result = await hardhat(where, ["migrate", "--migration-timeout", "soon"]);
    expect(result.code).to.equal(1);
    expect(result.stdout + result.stderr).to.contain('HHM111: Invalid option --migration-timeout: expected a number of seconds (0 for no limit), got "soon".');
  });
});
