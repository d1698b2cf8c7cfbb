import path from "node:path";

import { fileURLToPath, pathToFileURL } from "node:url";

import { createHardhatRuntimeEnvironment } from "hardhat/hre";
import type { HardhatUserConfig } from "hardhat/types/config";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import type { MigrationsUserConfig } from "../../src/types.js";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export function fixtureRoot(name: string): string {
  return path.join(REPO_ROOT, "fixture-projects", name);
}

const built = new Set<string>();

/**
 * An HRE for `fixture-projects/<name>`, its `migrations` section merged with `migrations`, and
 * its contracts built (once per process; Hardhat's cache makes later builds no-ops anyway).
 */
export async function createFixtureHre(
  name: string,
  migrations: MigrationsUserConfig = {},
  extra: Partial<HardhatUserConfig> = {},
): Promise<HardhatRuntimeEnvironment> {
  const root = fixtureRoot(name);
  const configPath = path.join(root, "hardhat.config.ts");
  // Imported in this module graph (tsx is registered by mocha): Hardhat's importUserConfig would
  // load a second copy of Hardhat's built-in plugins under its own tsx namespace.
  const userConfig = ((await import(pathToFileURL(configPath).href)) as { default: HardhatUserConfig }).default;
  const hre = await createHardhatRuntimeEnvironment(
    { ...userConfig, ...extra, migrations: { ...userConfig.migrations, ...migrations } },
    { config: configPath },
    root,
  );
  if (!built.has(root)) {
    await hre.tasks.getTask("build").run({ quiet: true, noTests: true });
    built.add(root);
  }
  return hre;
}

export { migrationsDir, tempDir } from "./temp.js";
