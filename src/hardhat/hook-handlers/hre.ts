import type { HardhatRuntimeEnvironmentHooks } from "hardhat/types/hooks";

export default async (): Promise<Partial<HardhatRuntimeEnvironmentHooks>> => ({
  created: async (_context, hre) => {
    const { HreMigrations } = await import("../hardhat-migrations.js");
    hre.migrations = new HreMigrations(hre);
  },
});
