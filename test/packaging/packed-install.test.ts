import { execFile } from "node:child_process";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

import { expect } from "chai";

import { runHardhat } from "../helpers/cli.js";
import { REPO_ROOT, tempDir } from "../helpers/fixture.js";

const exec = promisify(execFile);

/**
 * What a user gets from npm: the packed tarball installed into a fresh Hardhat 3 project next to
 * hardhat, hardhat-ethers and ethers, with nothing from this repository on its module path.
 */
describe("the packed package in a fresh Hardhat 3 project", function () {
  let project: string;
  let installWarnings = "";

  before(async function () {
    this.timeout(600_000);
    const packDir = await tempDir("hhm-pack-");
    await exec("npm", ["pack", "--silent", "--pack-destination", packDir], { cwd: REPO_ROOT, maxBuffer: 64 << 20 });
    const [tarball] = (await readdir(packDir)).filter((f) => f.endsWith(".tgz"));

    project = await tempDir("hhm-user-project-");
    const pkg = JSON.parse(await import("node:fs/promises").then((fs) => fs.readFile(path.join(REPO_ROOT, "package.json"), "utf8"))) as {
      devDependencies: Record<string, string>;
    };
    const dev = pkg.devDependencies;
    await writeFile(
      path.join(project, "package.json"),
      JSON.stringify({
        name: "user-project",
        private: true,
        type: "module",
        devDependencies: {
          "hardhat-migrations": `file:${path.join(packDir, tarball!)}`,
          hardhat: dev.hardhat,
          "@nomicfoundation/hardhat-ethers": dev["@nomicfoundation/hardhat-ethers"],
          ethers: dev.ethers,
          solc: dev.solc,
        },
      }),
    );
    await writeFile(
      path.join(project, "hardhat.config.ts"),
      `import { createRequire } from "node:module";
import hardhatEthers from "@nomicfoundation/hardhat-ethers";
import migrations from "hardhat-migrations";
import { defineConfig } from "hardhat/config";

const require = createRequire(import.meta.url);
export default defineConfig({
  plugins: [hardhatEthers, migrations],
  solidity: { version: "0.8.37", path: require.resolve("solc/soljson.js") },
  migrations: { registryDir: "deployments" },
});
`,
    );
    await mkdir(path.join(project, "contracts"));
    await writeFile(
      path.join(project, "contracts", "Greeter.sol"),
      `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
contract Greeter { string public greeting; constructor(string memory g) { greeting = g; } }
`,
    );
    await mkdir(path.join(project, "migrations"));
    await writeFile(
      path.join(project, "migrations", "1_deploy_greeter.ts"),
      `import type { MigrationContext } from "hardhat-migrations/types";

export default async function ({ deploy, log, network }: MigrationContext): Promise<void> {
  const greeter = await deploy("Greeter", ["hello"]);
  log(\`greeting on \${network.name}: \${await greeter.getFunction("greeting")()}\`);
}
`,
    );
    await writeFile(
      path.join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true, noEmit: true, skipLibCheck: true },
        include: ["hardhat.config.ts", "migrations", "check"],
      }),
    );
    ({ stderr: installWarnings } = await exec("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=warn"], { cwd: project, maxBuffer: 64 << 20 }));
  });

  it("installs without asking to approve a script of this package (its repository-only `prepare` is not packed)", () => {
    expect(installWarnings).to.not.contain("hardhat-migrations@");
    expect(installWarnings).to.not.contain("ensure-native-deps");
  });

  it("has the migrate task, deploys the Migrator and runs the migration", async () => {
    const { code, stdout, stderr } = await runHardhat(project, ["migrate"]);
    expect(code, stdout + stderr).to.equal(0);
    expect(stdout).to.match(/Deployed the Migrator at 0x[0-9a-fA-F]{40}/);
    expect(stdout).to.contain("1_deploy_greeter.ts").and.to.contain("| greeting on default: hello");
    const help = await runHardhat(project, ["migrate", "--help"]);
    expect(help.stdout).to.contain("--no-rollback").and.to.contain("--to");
  });

  it("gives migrations and configs real types", async () => {
    const tsc = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
    await exec(process.execPath, [tsc, "-p", project]);

    await mkdir(path.join(project, "check"), { recursive: true });
    await writeFile(
      path.join(project, "check", "wrong.ts"),
      `import type { MigrationContext } from "hardhat-migrations/types";
export default async function (ctx: MigrationContext) {
  await ctx.deploy(42);
  ctx.registry.nope();
}
`,
    );
    const failed = await exec(process.execPath, [tsc, "-p", project]).then(
      () => "",
      (error: { stdout: string }) => error.stdout,
    );
    expect(failed).to.contain("check/wrong.ts").and.to.contain("'nope' does not exist");
  });
});
