// The walkthrough of README.md and docs/getting-started.md, run as a reader would: the two
// migration files as printed, `migrate` in-process, then on a `hardhat node`, twice, and
// `migrate status`. The output blocks of the pages must be what the commands print (durations and
// paths aside).
import { expect } from "chai";

import { runHardhat } from "../helpers/cli.js";
import { fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { freePort, startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";

import { readPage } from "../docs/markdown.js";
import { expectShown, pageMigrations } from "../docs/output-blocks.js";

describe("the first migration runs as README.md and docs/getting-started.md show", function () {
  let node: RunningNode;
  let dir: string;
  let registryDir: string;
  const project = fixtureRoot("basic");
  const env = () => ({ MIGRATIONS_TEST_RPC_URL: node.url, MIGRATIONS_TEST_DIR: dir, MIGRATIONS_TEST_REGISTRY_DIR: registryDir });

  before(async () => {
    // The README's migration files, as printed (their first line names the file).
    const files = pageMigrations("README.md");
    expect(Object.keys(files)).to.deep.equal(["1_deploy_token.ts", "2_deploy_vault.ts"]);
    dir = await migrationsDir(files);
    registryDir = await tempDir("hhm-docs-registry-");
    node = await startHardhatNode(project);
    // Built as migrate builds (the production profile), so no "Compiling…" line depends on which
    // test ran before: the pages show a run whose contracts are already built.
    const build = await runHardhat(project, ["--build-profile", "production", "build"], env());
    expect(build.code, build.stderr).to.equal(0);
  });

  after(async () => {
    await node?.stop();
  });

  it("in-process: `npx hardhat migrate` prints what getting-started shows", async () => {
    const run = await runHardhat(project, ["migrate"], env());
    expect(run.code, run.stderr).to.equal(0);
    expectShown(run.stdout, "docs/getting-started.md", "Migrating default");
  });

  it("without a node: `--network localhost` fails with the HHE703 the pages name", async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const run = await runHardhat(project, ["migrate", "--network", "testnode"], { ...env(), MIGRATIONS_TEST_RPC_URL: nowhere });
    const said = `HHE703: Cannot connect to the network "testnode"`;
    expect(run.code).to.not.equal(0);
    expect(run.stdout + run.stderr).to.contain(said);
    for (const page of ["README.md", "docs/getting-started.md", "docs/troubleshooting.md"]) {
      expect(readPage(page), page).to.contain(said.replace("testnode", "localhost"));
    }
  });

  it("on a node: `--network localhost` prints what both pages show, then nothing to do, then the status", async () => {
    const first = await runHardhat(project, ["migrate", "--network", "testnode"], env());
    expect(first.code, first.stderr).to.equal(0);
    expectShown(first.stdout, "README.md", "Migrating localhost");
    expectShown(first.stdout, "docs/getting-started.md", "Migrating localhost");

    const second = await runHardhat(project, ["migrate", "--network", "testnode"], env());
    expect(second.code, second.stderr).to.equal(0);
    expectShown(second.stdout, "docs/getting-started.md", "Nothing to migrate");

    const status = await runHardhat(project, ["migrate", "status", "--network", "testnode"], env());
    expect(status.code, status.stderr).to.equal(0);
    expectShown(status.stdout, "docs/getting-started.md", "Migrations on localhost");
  });
});
