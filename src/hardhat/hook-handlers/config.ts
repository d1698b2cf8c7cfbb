import type { ConfigHooks } from "hardhat/types/hooks";

import { resolveMigrationsConfig, validateMigrationsUserConfig } from "../config.js";

export default async (): Promise<Partial<ConfigHooks>> => ({
  validateUserConfig: async (userConfig) => validateMigrationsUserConfig(userConfig.migrations),
  resolveUserConfig: async (userConfig, resolveConfigurationVariable, next) => {
    const resolved = await next(userConfig, resolveConfigurationVariable);
    return { ...resolved, migrations: resolveMigrationsConfig(userConfig.migrations, resolved.paths.root) };
  },
});
