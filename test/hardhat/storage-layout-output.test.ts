import { expect } from "chai";
import type { SolidityConfig } from "hardhat/types/config";

import { withStorageLayoutOutput } from "../../src/hardhat/storage-layout-output.js";
import { createFixtureHre } from "../helpers/fixture.js";

describe("storageLayout in the compiler output selection", () => {
  it("is added to every compiler and override of every profile, keeping the user's selection", () => {
    const solidity = {
      profiles: {
        default: {
          isolated: false,
          preferWasm: false,
          compilers: [
            { version: "0.8.37", settings: { outputSelection: { "*": { "*": ["abi", "metadata"], "": ["ast"] } } } },
            { version: "0.8.20", settings: {} },
          ],
          overrides: { "contracts/Old.sol": { version: "0.8.20", settings: { outputSelection: { "*": { "*": ["storageLayout"] } } } } },
        },
      },
      npmFilesToBuild: [],
      registeredCompilerTypes: ["solc"],
      splitTestsCompilation: false,
    } as unknown as SolidityConfig;

    const result = withStorageLayoutOutput(solidity);

    const profile = result.profiles.default!;
    const selections = [...profile.compilers, ...Object.values(profile.overrides)].map(
      (c) => (c.settings as { outputSelection: Record<string, Record<string, string[]>> }).outputSelection,
    );
    expect(selections).to.deep.equal([
      { "*": { "*": ["abi", "metadata", "storageLayout"], "": ["ast"] } },
      { "*": { "*": ["storageLayout"] } },
      { "*": { "*": ["storageLayout"] } },
    ]);
    // The input is not modified.
    expect((solidity.profiles.default!.compilers[0]!.settings as { outputSelection: Record<string, Record<string, string[]>> }).outputSelection["*"]!["*"]).to.deep.equal(["abi", "metadata"]);
  });

  it("is in the resolved config of a project using the plugin, with Hardhat's defaults kept", async () => {
    const hre = await createFixtureHre("upgrades");
    for (const profile of Object.values(hre.config.solidity.profiles)) {
      for (const compiler of profile.compilers) {
        const selection = (compiler.settings as { outputSelection: Record<string, Record<string, string[]>> }).outputSelection["*"]!["*"]!;
        expect(selection).to.include("storageLayout");
        expect(selection).to.include("abi");
      }
    }
  });
});
