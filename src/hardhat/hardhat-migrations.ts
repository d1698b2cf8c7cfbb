import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import type { MigrateResult } from "../core/results.js";
import type { HardhatMigrations, RunMigrationsOptions } from "../types.js";

/** `hre.migrations`. */
export class HreMigrations implements HardhatMigrations {
  constructor(readonly hre: HardhatRuntimeEnvironment) {}

  async run(options: RunMigrationsOptions & { readonly network?: string } = {}): Promise<MigrateResult> {
    const { network, ...rest } = options;
    const connection = await this.hre.network.getOrCreate(network);
    return connection.migrations.run(rest);
  }
}
