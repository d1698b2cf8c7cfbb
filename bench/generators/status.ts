import { EMPTY_SCRIPT, PACKAGE_JSON, hardhatConfig, writeTree } from "./common.js";

/** A project of `n` migrations that send nothing: once migrated, `n` ids are recorded on chain. */
export async function generateStatusProject(root: string, n: number): Promise<void> {
  const files: Record<string, string> = {
    "package.json": PACKAGE_JSON,
    "hardhat.config.ts": hardhatConfig(
      ['import hardhatEthers from "@nomicfoundation/hardhat-ethers";', 'import migrations from "hardhat-migrations";'],
      ["hardhatEthers", "migrations"],
    ),
    "contracts/.keep": "",
    "scripts/empty.ts": EMPTY_SCRIPT,
  };
  for (let i = 1; i <= n; i++) {
    files[`migrations/${i}_step_${i}.ts`] = `export default async function () {}\n`;
  }
  await writeTree(root, files);
}
