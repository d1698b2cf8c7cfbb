// The reference pages' migrations, run as a reader would (in-process `npx hardhat migrate`): the
// output blocks of docs/undo-and-rollback.md and docs/upgrades.md must be what the command prints
// (durations, paths and hashes aside; a block whose first line is `…` is a part of the output).
import { expect } from "chai";

import { runHardhat } from "../helpers/cli.js";
import { fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";

import { expectShown, pageMigrations } from "../docs/output-blocks.js";

/** `npx hardhat migrate` in-process in `project` with `files`: stdout, then stderr, as a terminal shows them. */
async function migrate(project: string, files: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const env = { MIGRATIONS_TEST_DIR: await migrationsDir(files), MIGRATIONS_TEST_REGISTRY_DIR: await tempDir("hhm-pages-") };
  const run = await runHardhat(fixtureRoot(project), ["migrate"], env);
  return { code: run.code, output: run.stdout + run.stderr };
}

describe("the reference pages show what migrate prints", function () {
  before(async () => {
    // Built as migrate builds (the production profile): the pages show runs whose contracts are built.
    for (const project of ["basic", "upgrades"]) {
      const build = await runHardhat(fixtureRoot(project), ["--build-profile", "production", "build"]);
      expect(build.code, build.stderr).to.equal(0);
    }
  });

  it("undo-and-rollback: a second migration that fails is rolled back, as the page shows", async () => {
    const files = pageMigrations("docs/undo-and-rollback.md");
    expect(Object.keys(files)).to.deep.equal(["1_deploy_token.ts", "2_fails.ts"]);
    const run = await migrate("basic", files);
    expect(run.code).to.equal(1);
    expectShown(run.output, "docs/undo-and-rollback.md", "Migrating default");
  });

  it("upgrades: the page's migrations deploy and upgrade Box, then refuse the breaking upgrade, as the page shows", async () => {
    const files = pageMigrations("docs/upgrades.md");
    expect(Object.keys(files)).to.deep.equal(["1_deploy_box.ts", "2_upgrade_box.ts", "3_break_box.ts"]);
    const { "3_break_box.ts": breaking, ...upgrade } = files;

    const upgraded = await migrate("upgrades", upgrade);
    expect(upgraded.code, upgraded.output).to.equal(0);
    expectShown(upgraded.output, "docs/upgrades.md", "…\n1_deploy_box.ts");

    const refused = await migrate("upgrades", { ...upgrade, "3_break_box.ts": breaking! });
    expect(refused.code).to.equal(1);
    expectShown(refused.output, "docs/upgrades.md", "…\n3_break_box.ts");
  });
});
