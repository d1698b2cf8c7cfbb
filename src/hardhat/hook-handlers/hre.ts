import type { HardhatRuntimeEnvironmentHooks } from "hardhat/types/hooks";

export default async (): Promise<Partial<HardhatRuntimeEnvironmentHooks>> => ({
  created: async (_context, hre) => {
    const { HreMigrations } = await import("../hardhat-migrations.js");
    const { redactAtBoundary } = await import("../redact-boundary.js");
    const { allNetworkSecrets } = await import("../secrets.js");
    hre.migrations = redactAtBoundary(new HreMigrations(hre), () => allNetworkSecrets(hre.config.networks));
  },
});
