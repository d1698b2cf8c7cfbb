import { mkdir, rm, unlink, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import type { MigrationEvent } from "../../src/core/events.js";
import { runHardhat } from "../helpers/cli.js";
import { createFixtureHre, fixtureRoot, migrationsDir } from "../helpers/fixture.js";
import { deployToken } from "../helpers/migrations.js";

async function runError(files: Record<string, string>): Promise<Error & { code?: string }> {
  const hre = await createFixtureHre("basic", { dir: await migrationsDir(files) });
  const connection = await hre.network.create();
  try {
    await connection.migrations.run();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error("migrate did not fail");
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe("what a new user sees when something is wrong", () => {
  it("a missing constructor argument: the constructor's signature and the missing parameter", async () => {
    const error = await runError({ "1_token.js": `export default async ({ deploy }) => { await deploy("Token", [7n]); };` });
    expect(error.message).to.contain("HHM281: Token: its constructor(string name_, uint256 supply) takes 2 argument(s) and 1 were given: missing #2 uint256 supply.");
  });

  it("a name where an address belongs: says it is not an address (not that ENS is not implemented)", async () => {
    const error = await runError({
      "1_vault.js": `export default async ({ deploy }) => { await deploy("Vault", ["bob", 3], { libraries: { ConvertLib: "0x${"11".repeat(20)}" } }); };`,
    });
    expect(error.message).to.contain('Vault: its constructor(address token_, uint256 rate_) expects an address for argument #1 (token_), given "bob", which is not one.');
    expect(error.message).to.not.contain("resolveName");
  });

  it("a wrongly typed argument: the parameter, its type and the value given", async () => {
    const error = await runError({ "1_token.js": `export default async ({ deploy }) => { await deploy("Token", ["T", "lots"]); };` });
    expect(error.message).to.contain('expects uint256 for argument #2 (supply), given "lots"');
  });

  it("a library left unlinked is named as the project writes it, without Hardhat's project/ prefix", async () => {
    const error = await runError({ "1_token.js": deployToken, "2_vault.js": `export default async ({ deploy, registry }) => { await deploy("Vault", [registry.get("Token").address, 3]); };` });
    expect(error.message).to.contain("Vault.sol:Vault needs the library contracts/ConvertLib.sol:ConvertLib to be linked");
    expect(error.message).to.not.contain("project/");
  });

  it("a file that does not parse stops the run before the first transaction, and says so once", async () => {
    const dir = await migrationsDir({ "1_token.js": deployToken, "2_token.js": deployToken, "3_broken.js": "export default async function ( {\n" });
    const { code, stdout, stderr } = await runHardhat(fixtureRoot("basic"), ["migrate"], { MIGRATIONS_TEST_DIR: dir });
    const output = stdout + stderr;
    expect(code).to.equal(1);
    expect(output).to.contain("HHM121: 3_broken.js could not be loaded");
    expect(output).to.not.contain("    tx 0x");
    expect(output).to.not.contain("Rolled back");
    expect(occurrences(output, "could not be loaded")).to.equal(1);
  });

  it("a failing migration's reason is printed once", async () => {
    const dir = await migrationsDir({ "1_token.js": deployToken, "2_fails.js": `export default async function () { throw new Error("constructor args are wrong"); }` });
    const { code, stdout, stderr } = await runHardhat(fixtureRoot("basic"), ["migrate"], { MIGRATIONS_TEST_DIR: dir });
    const output = stdout + stderr;
    expect(code).to.equal(1);
    expect(occurrences(output, "constructor args are wrong")).to.equal(1);
    expect(stdout).to.contain("  FAILED (rolled back): the reason follows.");
  });

  it("--reset says what it does before it deploys the new Migrator", async () => {
    const hre = await createFixtureHre("basic", { dir: await migrationsDir({ "1_token.js": deployToken }) });
    const connection = await hre.network.create();
    await connection.migrations.run();
    const events: MigrationEvent[] = [];
    await connection.migrations.run({ reset: true, onEvent: (e) => events.push(e) });
    const order = events.map((e) => e.type).filter((t) => t === "plan" || t === "migrator-deployed" || t === "migration-started");
    expect(order).to.deep.equal(["plan", "migrator-deployed", "migration-started"]);
  });

  it("the header counts a recorded migration whose file is gone as status does", async () => {
    const dir = await migrationsDir({ "1_token.js": deployToken, "2_again.js": deployToken });
    const hre = await createFixtureHre("basic", { dir });
    const connection = await hre.network.create();
    await connection.migrations.run();
    await unlink(path.join(dir, "2_again.js"));
    await writeFile(path.join(dir, "3_more.js"), deployToken);
    const events: MigrationEvent[] = [];
    await connection.migrations.run({ onEvent: (e) => events.push(e) });
    const plan = events.find((e) => e.type === "plan") as Extract<MigrationEvent, { type: "plan" }>;
    const states = (await connection.migrations.status()).rows.map((r) => r.state);
    expect(plan.completed).to.equal(states.filter((s) => s === "up").length - 1); // 3 is up now, it was pending
    expect(plan.missingFiles).to.equal(states.filter((s) => s === "missing file").length);
    expect([plan.completed, plan.missingFiles]).to.deep.equal([1, 1]);
  });

  it("status on the in-process network says that nothing outlives the command", async () => {
    const { code, stdout } = await runHardhat(fixtureRoot("basic"), ["migrate", "status"]);
    expect(code).to.equal(0);
    expect(stdout).to.contain("Note: default is Hardhat's in-process network: its chain, record and registry exist only while this command runs");
    expect(stdout).to.contain("`npx hardhat node` and pass `--network localhost`");
  });

  it("status colours states in a terminal (FORCE_COLOR), and not with --no-color", async () => {
    const colored = await runHardhat(fixtureRoot("basic"), ["migrate", "status"], { NO_COLOR: "", FORCE_COLOR: "1" });
    expect(colored.stdout).to.contain("\u001b[33mpending");
    const plain = await runHardhat(fixtureRoot("basic"), ["migrate", "status", "--no-color"], { NO_COLOR: "", FORCE_COLOR: "1" });
    expect(plain.code).to.equal(0);
    expect(plain.stdout).to.contain("pending").and.not.contain("\u001b[");
  });

  it("hre.migrations.run({ reporter: \"console\" }) from a script prints what `migrate` prints", async () => {
    const scripts = path.join(fixtureRoot("basic"), "scripts-reporter-test");
    await mkdir(scripts, { recursive: true });
    try {
      await writeFile(path.join(scripts, "run.ts"), `import hre from "hardhat";\nawait hre.migrations.run({ reporter: "console" });\n`);
      const { code, stdout, stderr } = await runHardhat(fixtureRoot("basic"), ["run", "scripts-reporter-test/run.ts"]);
      expect(code, stderr).to.equal(0);
      expect(stdout).to.contain("Migrating default (chain 31337): 3 pending, 0 already completed.");
      expect(stdout).to.match(/^ {4}tx 0x[0-9a-f]{64} \(create, nonce \d+\) sent$/m);
      expect(stdout).to.match(/^ {2}cost [\d.,]+ ETH \(gas [\d,]+ at [\d.,]+ gwei\)$/m);
      expect(stdout).to.match(/^Summary: 3 migration\(s\) run/m);
    } finally {
      await rm(scripts, { recursive: true, force: true });
    }
  });
});
