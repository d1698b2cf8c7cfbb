import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { collectDeployments, formatDeployments } from "../core/export-registries.js";
import { createMigrationFile } from "../core/new-migration.js";
import type { MigrateResult } from "../core/results.js";
import type { HardhatMigrations, NetworkRunOutcome, RunMigrationsOptions } from "../types.js";
import { hardhatArtifactResolver } from "./artifact-resolver.js";
import { asPluginErrors } from "./plugin-error.js";

/** `hre.migrations`. */
export class HreMigrations implements HardhatMigrations {
  constructor(readonly hre: HardhatRuntimeEnvironment) {}

  async run(options: RunMigrationsOptions & { readonly network?: string } = {}): Promise<MigrateResult> {
    const { network, ...rest } = options;
    const connection = await this.hre.network.getOrCreate(network);
    return connection.migrations.run(rest);
  }

  async runMany(
    networks: readonly string[],
    options: RunMigrationsOptions & { readonly onNetwork?: (network: string) => void } = {},
  ): Promise<NetworkRunOutcome[]> {
    const { onNetwork, ...rest } = options;
    const outcomes: NetworkRunOutcome[] = [];
    for (const network of networks) {
      onNetwork?.(network);
      try {
        const connection = await this.hre.network.getOrCreate(network);
        outcomes.push({ network, result: await connection.migrations.run(rest) });
      } catch (error) {
        outcomes.push({ network, error: error as Error });
      }
    }
    return outcomes;
  }

  newMigration(purpose: string, options: { next?: boolean } = {}): Promise<string> {
    return asPluginErrors(() => createMigrationFile(this.hre.config.migrations.dir, purpose, options));
  }

  exportDeployments(format: "json" | "ts" = "json"): Promise<string> {
    return asPluginErrors(async () => {
      return formatDeployments(await collectDeployments(this.hre.config.migrations.registryDir, hardhatArtifactResolver(this.hre.artifacts)), format);
    });
  }
}
