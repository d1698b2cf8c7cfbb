import { expect } from "chai";

import type { ContractArtifact } from "../../src/core/artifacts.js";
import { MigrationsError } from "../../src/core/errors.js";
import { linkBytecode } from "../../src/core/linking.js";

const placeholder = "__$0123456789abcdef0123456789abcdef01$__";
const artifact: ContractArtifact = {
  contractName: "Vault",
  sourceName: "contracts/Vault.sol",
  abi: [],
  bytecode: `0x6000${placeholder}6001${placeholder}`,
  linkReferences: {
    "contracts/ConvertLib.sol": { ConvertLib: [{ start: 2, length: 20 }, { start: 24, length: 20 }] },
  },
};
const lib = "0x00000000000000000000000000000000000000AB";

describe("linkBytecode", () => {
  it("replaces every placeholder of a library given by name", () => {
    const hex = lib.slice(2).toLowerCase();
    expect(linkBytecode(artifact, { ConvertLib: lib })).to.equal(`0x6000${hex}6001${hex}`);
  });

  it("accepts the fully qualified library name", () => {
    expect(linkBytecode(artifact, { "contracts/ConvertLib.sol:ConvertLib": lib })).to.not.contain("__$");
  });

  it("names a missing library", () => {
    expect(() => linkBytecode(artifact, {})).to.throw(MigrationsError, "needs the library contracts/ConvertLib.sol:ConvertLib");
  });

  it("rejects a library the contract does not use", () => {
    expect(() => linkBytecode(artifact, { ConvertLib: lib, Other: lib })).to.throw(MigrationsError, "does not use a library named Other");
  });
});
