import type { ConfigHooks } from "hardhat/types/hooks";

import { resolveMigrationsConfig, validateMigrationsUserConfig } from "../config.js";
import { resolveNamedAccountsAndParameters } from "../accounts-config.js";
import { withStorageLayoutOutput } from "../storage-layout-output.js";

export default async (): Promise<Partial<ConfigHooks>> => ({
  validateUserConfig: async (userConfig) => validateMigrationsUserConfig(userConfig.migrations),
  resolveUserConfig: async (userConfig, resolveConfigurationVariable, next) => {
    const resolved = await next(userConfig, resolveConfigurationVariable);
    return {
      ...resolved,
      // Proxy upgrades check storage layouts, which solc reports only when asked.
      solidity: withStorageLayoutOutput(resolved.solidity),
      migrations: {
        ...resolveMigrationsConfig(userConfig.migrations, resolved.paths.root),
        named: resolveNamedAccountsAndParameters(userConfig.migrations, resolveConfigurationVariable),
      },
    };
  },
});
