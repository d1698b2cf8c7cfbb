import type { SolidityConfig } from "hardhat/types/config";

/**
 * `solidity` with `storageLayout` added to the output selection of every compiler and override of
 * every build profile, so that proxy upgrades can check storage layouts. A user's own
 * `outputSelection` is kept; Hardhat adds its defaults to it when it builds.
 */
export function withStorageLayoutOutput(solidity: SolidityConfig): SolidityConfig {
  type Compiler = SolidityConfig["profiles"][string]["compilers"][number];
  const add = (compiler: Compiler): Compiler => {
    const settings = (compiler.settings ?? {}) as { outputSelection?: Record<string, Record<string, string[]>> };
    const selection = structuredClone(settings.outputSelection ?? {});
    selection["*"] ??= {};
    const all = selection["*"]["*"] ?? [];
    selection["*"]["*"] = all.includes("storageLayout") ? all : [...all, "storageLayout"];
    return { ...compiler, settings: { ...settings, outputSelection: selection } } as Compiler;
  };
  return {
    ...solidity,
    profiles: Object.fromEntries(
      Object.entries(solidity.profiles).map(([name, profile]) => [
        name,
        {
          ...profile,
          compilers: profile.compilers.map(add),
          overrides: Object.fromEntries(Object.entries(profile.overrides).map(([source, compiler]) => [source, add(compiler)])),
        },
      ]),
    ),
  };
}
