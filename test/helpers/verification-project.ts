import { cp, mkdir, symlink, writeFile } from "node:fs/promises";
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
