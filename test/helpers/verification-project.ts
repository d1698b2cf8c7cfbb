import { cp, mkdir, readFile, rename, symlink, writeFile } from "node:fs/promises";
import path from "node:path";

import { fixtureRoot, REPO_ROOT, tempDir } from "./fixture.js";

/**
 * A user project with the `verification` fixture's contracts, hardhat-ethers, hardhat-verify and
 * the plugin loaded, and a `live` HTTP network at `TEST_RPC_URL`. `configTail` is the rest of the
 * `defineConfig` object (chain descriptors, `verify`, `migrations`).
 */
export async function createVerificationProject(name: string, configTail: string): Promise<string> {
  const root = await tempDir(`hhm-${name}-`);
  await cp(path.join(fixtureRoot("verification"), "contracts"), path.join(root, "contracts"), { recursive: true });
  await symlink(path.join(REPO_ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
  await writeFile(path.join(root, "package.json"), JSON.stringify({ name: `${name}-project`, type: "module", private: true }));
  await mkdir(path.join(root, "migrations"));
  await writeFile(
    path.join(root, "hardhat.config.ts"),
    `import { createRequire } from "node:module";
import hardhatEthers from "@nomicfoundation/hardhat-ethers";
import hardhatVerify from "@nomicfoundation/hardhat-verify";
import { defineConfig } from "hardhat/config";
import migrations from ${JSON.stringify(path.join(REPO_ROOT, "src", "index.js"))};

const require = createRequire(import.meta.url);

export default defineConfig({
  plugins: [hardhatEthers, hardhatVerify, migrations],
  solidity: { version: "0.8.37", path: require.resolve("solc/soljson.js") },
  networks: { live: { type: "http", url: process.env.TEST_RPC_URL ?? "http://127.0.0.1:1" } },
${configTail.trimEnd()}
});
`,
  );
  return root;
}

/**
 * After Counter was deployed: its source changes (count += 2), Hardhat's artifacts are rebuilt
 * from it, and the compiler input the plugin kept for the deployment (`buildInfoId`) is set aside.
 * Resolves `restore()`, which puts the kept input back.
 */
export async function editCounterAndSetKeptInputAside(
  project: string,
  buildInfoId: string | undefined,
  hardhat: (args: string[]) => Promise<{ code: number | null }>,
): Promise<{ restore(): Promise<void> }> {
  const keptFile = path.join(project, "deployments", "build-info", `${buildInfoId}.json`);
  const source = path.join(project, "contracts", "Counter.sol");
  await writeFile(source, (await readFile(source, "utf8")).replace("count += 1;", "count += 2;"));
  for (const args of [["clean"], ["build", "--no-tests"]]) {
    const { code } = await hardhat(args);
    if (code !== 0) {
      throw new Error(`hardhat ${args.join(" ")} exited with ${code}`);
    }
  }
  await rename(keptFile, `${keptFile}.aside`);
  return { restore: () => rename(`${keptFile}.aside`, keptFile) };
}
