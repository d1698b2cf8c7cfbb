import "hardhat/types/config";
import "hardhat/types/hre";
import "hardhat/types/network";
// Type-only: the plugins' augmentations (connection.ethers, connection.viem) without loading
// either at run time (a project loads the one it uses; see docs/architecture.md).
import type {} from "@nomicfoundation/hardhat-ethers";
import type {} from "@nomicfoundation/hardhat-viem";

import type { MigrationsConfig, MigrationsUserConfig } from "./hardhat/config.js";
import type { ConnectionMigrations, HardhatMigrations } from "./types.js";

declare module "hardhat/types/config" {
  interface HardhatUserConfig {
    migrations?: MigrationsUserConfig;
  }
  interface HardhatConfig {
    migrations: MigrationsConfig;
  }
}

declare module "hardhat/types/hre" {
  interface HardhatRuntimeEnvironment {
    migrations: HardhatMigrations;
  }
}

declare module "hardhat/types/network" {
  // The type parameter must match Hardhat's declaration exactly for the interfaces to merge.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface NetworkConnection<ChainTypeT extends ChainType | string = DefaultChainType> {
    migrations: ConnectionMigrations;
  }
}
