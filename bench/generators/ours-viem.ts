import { BOX_SOL, EMPTY_SCRIPT, PACKAGE_JSON, hardhatConfig, writeTree } from "./common.js";

/**
 * The same project as `generateOursProject` in the viem style: hardhat-viem loaded instead of
 * hardhat-ethers, and `n` migrations written with viem, each deploying one Box and calling
 * `set(i + 1)` (no wait: the engine waits for every transaction the migration sent).
 */
export async function generateOursViemProject(root: string, n: number): Promise<void> {
  const files: Record<string, string> = {
    "package.json": PACKAGE_JSON,
    "hardhat.config.ts": hardhatConfig(
      ['import hardhatViem from "@nomicfoundation/hardhat-viem";', 'import migrations from "hardhat-migrations";'],
      ["hardhatViem", "migrations"],
    ),
    "contracts/Box.sol": BOX_SOL,
    "scripts/empty.ts": EMPTY_SCRIPT,
  };
  for (let i = 1; i <= n; i++) {
    files[`migrations/${i}_box_${i}.ts`] = `import type { ViemMigrationContext } from "hardhat-migrations/types";

export default async function ({ deploy }: ViemMigrationContext) {
  const box = await deploy("Box", [${i}n], { as: "Box${i}" });
  await box.write.set([${i + 1}n]);
}
`;
  }
  await writeTree(root, files);
}
