import { MigrationsError } from "./errors.js";
import { fullyQualifiedName, type ContractArtifact } from "./artifacts.js";

/**
 * Replaces the library placeholders in `artifact.bytecode` with `libraries` addresses. Keys may be
 * a library's name (`ConvertLib`) or its fully qualified name (`contracts/ConvertLib.sol:ConvertLib`).
 * Every needed library must be given and every given one must be needed.
 */
export function linkBytecode(artifact: ContractArtifact, libraries: Readonly<Record<string, string>>): string {
  const needed: Array<{ fqn: string; name: string; offsets: ReadonlyArray<{ start: number; length: number }> }> = [];
  for (const [sourceName, libs] of Object.entries(artifact.linkReferences)) {
    for (const [name, offsets] of Object.entries(libs)) {
      // Hardhat 3 names project sources "project/contracts/…": users write "contracts/…".
      needed.push({ fqn: `${sourceName.replace(/^project\//, "")}:${name}`, name, offsets });
    }
  }
  const contract = fullyQualifiedName(artifact).replace(/^project\//, "");
  for (const given of Object.keys(libraries)) {
    if (!needed.some((n) => n.name === given || n.fqn === given.replace(/^project\//, ""))) {
      throw new MigrationsError("INVALID_LIBRARY", {
        contract,
        library: given,
        linked: needed.length > 0 ? needed.map((n) => n.name).join(", ") : "no libraries",
      });
    }
  }
  let bytecode = artifact.bytecode.startsWith("0x") ? artifact.bytecode.slice(2) : artifact.bytecode;
  for (const lib of needed) {
    const address = libraries[lib.fqn] ?? libraries[`project/${lib.fqn}`] ?? libraries[lib.name];
    if (address === undefined) {
      throw new MigrationsError("MISSING_LIBRARY", { contract, library: lib.fqn, libraryName: lib.name });
    }
    const hex = address.toLowerCase().replace(/^0x/, "");
    for (const { start, length } of lib.offsets) {
      bytecode = bytecode.slice(0, start * 2) + hex.padStart(length * 2, "0") + bytecode.slice((start + length) * 2);
    }
  }
  return `0x${bytecode}`;
}
