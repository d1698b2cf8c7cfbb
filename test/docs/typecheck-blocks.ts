import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import ts from "typescript";

import { REPO_ROOT } from "../helpers/fixture.js";

import type { CodeBlock } from "./markdown.js";

/**
 * The project a reader would have: Hardhat 3 with hardhat-ethers, hardhat-mocha, the network
 * helpers and this plugin in its config (which brings their type extensions), and the plugin
 * resolved as `hardhat-migrations` (to its sources: the package's `exports` point to a build).
 */
const CONFIG = `import hardhatEthers from "@nomicfoundation/hardhat-ethers";
import hardhatMocha from "@nomicfoundation/hardhat-mocha";
import hardhatNetworkHelpers from "@nomicfoundation/hardhat-network-helpers";
import migrations from "hardhat-migrations";
import { defineConfig } from "hardhat/config";

export default defineConfig({ plugins: [hardhatEthers, hardhatMocha, hardhatNetworkHelpers, migrations] });
`;

/**
 * What `npx hardhat build` generates for the contracts the viem examples call (their ABIs, as
 * `artifacts/artifacts.d.ts` augments Hardhat's ArtifactMap): hardhat-viem types contract
 * instances from it.
 */
const artifactType = (name: string, abi: unknown[]) => `
  ["${name}"]: {
    readonly _format: "hh3-artifact-1";
    readonly contractName: "${name}";
    readonly sourceName: "contracts/${name}.sol";
    readonly abi: ${JSON.stringify(abi)};
    readonly bytecode: \`0x\${string}\`;
    readonly deployedBytecode: \`0x\${string}\`;
    readonly linkReferences: {};
    readonly deployedLinkReferences: {};
    readonly immutableReferences: {};
    readonly inputSourceName: "project/contracts/${name}.sol";
    readonly buildInfoId: string;
  };`;
const fn = (name: string, inputs: string[], outputs: string[] = [], stateMutability = "nonpayable") => ({
  type: "function",
  name,
  stateMutability,
  inputs: inputs.map((type, i) => ({ name: `a${i}`, type, internalType: type })),
  outputs: outputs.map((type) => ({ name: "", type, internalType: type })),
});
const ctor = (inputs: string[]) => ({ type: "constructor", stateMutability: "nonpayable", inputs: inputs.map((type, i) => ({ name: `a${i}`, type, internalType: type })) });
const ARTIFACTS = `import "hardhat/types/artifacts";
declare module "hardhat/types/artifacts" {
  interface ArtifactMap {${[
    artifactType("Token", [
      ctor(["string", "uint256"]),
      fn("transfer", ["address", "uint256"], ["bool"]),
      fn("approve", ["address", "uint256"], ["bool"]),
      fn("balanceOf", ["address"], ["uint256"], "view"),
      fn("totalSupply", [], ["uint256"], "view"),
    ]),
    artifactType("Counter", [ctor(["uint256"]), fn("incBy", ["uint256"]), fn("x", [], ["uint256"], "view")]),
  ].join("")}
  }
}
`;

/**
 * Type-checks every `ts` block as its own module of one such project, in one compiler run.
 * Returns the diagnostics of each block (none: it type-checks), by the block's index in `blocks`.
 */
export async function typecheckBlocks(blocks: readonly CodeBlock[]): Promise<string[][]> {
  const dir = await mkdtemp(path.join(tmpdir(), "hhm-docs-ts-"));
  try {
    await symlink(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "docs-blocks", private: true, type: "module" }));
    await writeFile(path.join(dir, "hardhat.config.ts"), CONFIG);
    await writeFile(path.join(dir, "artifacts.d.ts"), ARTIFACTS);
    await mkdir(path.join(dir, "blocks"));
    const files = await Promise.all(
      blocks.map(async (block, index) => {
        const file = path.join(dir, "blocks", `${index}-${block.page.replace(/[^\w]+/g, "-")}-${block.line}.ts`);
        // Each block is a module of its own, as each file of a project is.
        await writeFile(file, `${block.code}\nexport {};\n`);
        return file;
      }),
    );
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2023,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2023.d.ts"],
      types: ["node", "mocha"],
      strict: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: true,
      esModuleInterop: true,
      resolveJsonModule: true,
      noEmit: true,
      paths: {
        "hardhat-migrations": [path.join(REPO_ROOT, "src/index.ts")],
        "hardhat-migrations/types": [path.join(REPO_ROOT, "src/types.ts")],
      },
    };
    const program = ts.createProgram([path.join(dir, "hardhat.config.ts"), path.join(dir, "artifacts.d.ts"), ...files], options);
    // Only the blocks are checked (the plugin's own sources have their own type-check); the
    // compiler still resolves every type they use, from the sources.
    const general = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map((diagnostic) =>
      ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"),
    );
    return files.map((file) => {
      const source = program.getSourceFile(file)!;
      const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
      return [
        ...general,
        ...diagnostics.map((diagnostic) => {
          const { line } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
          return `block line ${line + 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
        }),
      ];
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
