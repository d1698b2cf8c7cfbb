import { BOX_SOL, EMPTY_SCRIPT, PACKAGE_JSON, hardhatConfig, writeTree } from "./common.js";

/** A project using this plugin: `n` migrations, each deploying one Box and making one call. */
export async function generateOursProject(root: string, n: number): Promise<void> {
  const files: Record<string, string> = {
    "package.json": PACKAGE_JSON,
    "hardhat.config.ts": hardhatConfig(
      ['import hardhatEthers from "@nomicfoundation/hardhat-ethers";', 'import migrations from "hardhat-migrations";'],
      ["hardhatEthers", "migrations"],
    ),
    "contracts/Box.sol": BOX_SOL,
    "scripts/empty.ts": EMPTY_SCRIPT,
  };
  for (let i = 1; i <= n; i++) {
    files[`migrations/${i}_box_${i}.ts`] = `import type { MigrationContext } from "hardhat-migrations/types";

export default async function ({ deploy }: MigrationContext) {
  const box = await deploy("Box", [${i}], { as: "Box${i}" });
  await (await box.getFunction("set")(${i + 1})).wait();
}
`;
  }
  await writeTree(root, files);
}
