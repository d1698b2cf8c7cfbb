import { expect } from "chai";

import { runHardhat } from "../helpers/cli.js";
import { fixtureRoot, migrationsDir } from "../helpers/fixture.js";
import { deployToken } from "../helpers/migrations.js";

describe("npx hardhat migrate (in-process network)", () => {
  it("prints each migration, each deployment with address and gas, and a summary", async () => {
    const { code, stdout, stderr } = await runHardhat(fixtureRoot("basic"), ["migrate"]);
    expect(code, stderr).to.equal(0);
    expect(stdout).to.contain("Migrating default (chain 31337): 3 pending, 0 already completed.");
    expect(stdout).to.match(/Deployed the Migrator at 0x[0-9a-fA-F]{40} \(gas [\d,]+\)/);
    // Nonces 0 and 1: the chain's shared MigratorAdmin (through the CREATE2 factory), then the Migrator.
    expect(stdout).to.match(
      /1_deploy_token\.ts\n {4}tx 0x[0-9a-f]{64} \(create, nonce 2\) sent\n {2}Token +0x[0-9a-fA-F]{40} {2}gas [\d,]+\n {2}\| supply: 1000000\n {4}tx 0x[0-9a-f]{64} \(record, nonce 3\) sent\n {2}done in .*\n {2}cost [\d.]+ ETH \(gas [\d,]+ at [\d.]+ gwei\)\n/,
    );
    expect(stdout).to.match(/ {2}Vault +0x[0-9a-fA-F]{40} {2}gas [\d,]+/);
    expect(stdout).to.match(/Summary: 3 migration\(s\) run, 3 contract\(s\) deployed, gas [\d,]+, [\d.]+ (ms|s)\./);
    expect(stdout).to.contain("Registry: memory");
  });

  it("takes --to", async () => {
    const { code, stdout } = await runHardhat(fixtureRoot("basic"), ["migrate", "--to", "2"]);
    expect(code).to.equal(0);
    expect(stdout).to.contain("2 pending").and.to.contain("2_deploy_vault.ts").and.not.to.contain("3_configure_vault.ts");
  });

  it("rejects a --to that is not a migration, listing the nearest ones", async () => {
    const { code, stdout, stderr } = await runHardhat(fixtureRoot("basic"), ["migrate", "--to", "4"]);
    expect(code).to.equal(1);
    expect(stdout + stderr).to.contain("HHM110: No migration has the id 4 (nearest: 1_deploy_token.ts, 2_deploy_vault.ts, 3_configure_vault.ts)");
  });

  it("reports a failing migration with its file, cause and rollback, and no stack trace", async () => {
    const dir = await migrationsDir({
      "1_token.js": deployToken,
      "2_fails.js": `export default async function () { throw new Error("constructor args are wrong"); }`,
    });
    const { code, stdout, stderr } = await runHardhat(fixtureRoot("basic"), ["migrate"], { MIGRATIONS_TEST_DIR: dir });
    const output = stdout + stderr;
    expect(code).to.equal(1);
    expect(output).to.contain("HHM122: Migration 2_fails.js failed: constructor args are wrong");
    expect(output).to.contain("Rolled back");
    expect(output).to.contain("Fix the script and run `npx hardhat migrate` again");
    expect(output).to.not.match(/\n\s+at .+:\d+:\d+\)?\n/);
  });
});
