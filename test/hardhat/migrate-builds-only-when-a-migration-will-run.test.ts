import { mkdir, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

import { expect } from "chai";

import { runHardhat } from "../helpers/cli.js";
import { REPO_ROOT, tempDir } from "../helpers/fixture.js";

const require = createRequire(import.meta.url);

/** A project whose only contract does not compile, and one migration that sends nothing. */
async function projectWithBrokenContract(): Promise<string> {
  const root = await tempDir("hhm-lazy-build-");
  await symlink(path.join(REPO_ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
  await mkdir(path.join(root, "contracts"));
  await mkdir(path.join(root, "migrations"));
  await writeFile(path.join(root, "package.json"), '{ "private": true, "type": "module" }\n');
  await writeFile(
    path.join(root, "hardhat.config.ts"),
    `import hardhatEthers from "@nomicfoundation/hardhat-ethers";
import { defineConfig } from "hardhat/config";
import migrations from ${JSON.stringify(path.join(REPO_ROOT, "src", "index.ts"))};

export default defineConfig({
  plugins: [hardhatEthers, migrations],
  solidity: { version: "0.8.37", path: ${JSON.stringify(require.resolve("solc/soljson.js"))} },
});
`,
  );
  await writeFile(path.join(root, "contracts", "Broken.sol"), "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\ncontract Broken { this does not compile }\n");
  await writeFile(path.join(root, "migrations", "1_noop.js"), "export default async function () {}\n");
  return root;
}

describe("npx hardhat migrate builds the contracts only when a migration will run", () => {
  it("plans a dry run without compiling, builds before running a pending migration, and --no-compile skips the build", async () => {
    const root = await projectWithBrokenContract();

    const dryRun = await runHardhat(root, ["migrate", "--dry-run"]);
    expect(dryRun.code, dryRun.stdout + dryRun.stderr).to.equal(0);
    expect(dryRun.stdout).to.contain("1_noop.js");

    const run = await runHardhat(root, ["migrate"]);
    expect(run.code).to.equal(1);
    expect(run.stdout + run.stderr).to.contain("Broken.sol");
    expect(run.stdout).to.contain("Compiling the contracts: 1 file(s) changed since the last build (contracts/Broken.sol)…");
    expect(run.stdout).to.not.contain("Summary:");

    const noCompile = await runHardhat(root, ["migrate", "--no-compile"]);
    expect(noCompile.code, noCompile.stdout + noCompile.stderr).to.equal(0);
    expect(noCompile.stdout).to.contain("Summary: 1 migration(s) run");
  });

  it("says what it compiles and why, and nothing when the build is up to date", async () => {
    const root = await projectWithBrokenContract();
    await writeFile(path.join(root, "contracts", "Broken.sol"), "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\ncontract Broken { uint256 public x; }\n");

    const first = await runHardhat(root, ["migrate"]);
    expect(first.code, first.stdout + first.stderr).to.equal(0);
    expect(first.stdout).to.contain("Compiling the contracts: 1 file(s) changed since the last build (contracts/Broken.sol)…");
    expect(first.stdout).to.match(/^Compiled in [\d.]+ m?s\.$/m);

    const second = await runHardhat(root, ["migrate"]);
    expect(second.code, second.stdout + second.stderr).to.equal(0);
    expect(second.stdout).to.not.contain("Compiling");
  });
});
