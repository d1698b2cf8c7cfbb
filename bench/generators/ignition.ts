import { BOX_SOL, EMPTY_SCRIPT, PACKAGE_JSON, hardhatConfig, writeTree } from "./common.js";

/** The same work as an Ignition module: `n` Box deployments, each followed by one call. */
export async function generateIgnitionProject(root: string, n: number): Promise<void> {
  const futures: string[] = [];
  for (let i = 1; i <= n; i++) {
    futures.push(`  const box${i} = m.contract("Box", [${i}n], { id: "Box${i}" });`);
    futures.push(`  m.call(box${i}, "set", [${i + 1}n], { id: "set${i}" });`);
  }
  await writeTree(root, {
    "package.json": PACKAGE_JSON,
    "hardhat.config.ts": hardhatConfig(['import hardhatIgnition from "@nomicfoundation/hardhat-ignition";'], ["hardhatIgnition"]),
    "contracts/Box.sol": BOX_SOL,
    "scripts/empty.ts": EMPTY_SCRIPT,
    "ignition/modules/Bench.ts": `import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

export default buildModule("Bench", (m) => {
${futures.join("\n")}
  return {};
});
`,
  });
}
