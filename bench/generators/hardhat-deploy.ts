import { BOX_SOL, EMPTY_SCRIPT, PACKAGE_JSON, hardhatConfig, writeTree } from "./common.js";

/** The same work as hardhat-deploy v2 (rocketh) deploy scripts: one per Box, deploy then execute. */
export async function generateHardhatDeployProject(root: string, n: number): Promise<void> {
  const files: Record<string, string> = {
    "package.json": PACKAGE_JSON,
    "hardhat.config.ts": hardhatConfig(['import hardhatDeploy from "hardhat-deploy";'], ["hardhatDeploy"]),
    "contracts/Box.sol": BOX_SOL,
    "scripts/empty.ts": EMPTY_SCRIPT,
    "rocketh/config.ts": `import type { UserConfig } from "rocketh/types";
import * as deployExtension from "@rocketh/deploy";
import * as readExecuteExtension from "@rocketh/read-execute";

export const config = {
  accounts: { deployer: { default: 0 } },
  data: {},
} as const satisfies UserConfig;

const extensions = { ...deployExtension, ...readExecuteExtension };
export { extensions };

type Extensions = typeof extensions;
type Accounts = typeof config.accounts;
type Data = typeof config.data;
export type { Extensions, Accounts, Data };
`,
    "rocketh/deploy.ts": `import { type Accounts, type Data, type Extensions, extensions } from "./config.js";
import * as artifacts from "../generated/artifacts/index.js";
import { setupDeployScripts } from "rocketh";

export { artifacts };
const { deployScript } = setupDeployScripts<Extensions, Accounts, Data>(extensions);
export { deployScript };
`,
  };
  for (let i = 1; i <= n; i++) {
    files[`deploy/${String(i).padStart(3, "0")}_box_${i}.ts`] = `import { deployScript, artifacts } from "../rocketh/deploy.js";

export default deployScript(
  async ({ deploy, execute, namedAccounts }) => {
    const { deployer } = namedAccounts;
    const box = await deploy("Box${i}", { account: deployer, artifact: artifacts.Box, args: [${i}n] });
    await execute(box, { account: deployer, functionName: "set", args: [${i + 1}n] });
  },
  { tags: ["Box${i}"] },
);
`;
  }
  await writeTree(root, files);
}
