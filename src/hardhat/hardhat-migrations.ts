import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { collectDeployments, formatDeployments } from "../core/export-registries.js";
import { createMigrationFile } from "../core/new-migration.js";
import type { MigrateResult } from "../core/results.js";
import { cutoverNetworks, type CutoverReport } from "../core/network-migration/cutover.js";
import { readSnapshotFile } from "../core/network-migration/snapshot-document.js";
import { SnapshotReader } from "../core/network-migration/snapshot-reader.js";
import { syncNetworks, type SyncResult } from "../core/network-migration/sync.js";
import type { HardhatMigrations, NetworkMigrationOptions, NetworkRunOutcome, RunMigrationsOptions, SyncNetworksOptions } from "../types.js";
import { hardhatArtifactResolver } from "./artifact-resolver.js";
import type { HardhatConnectionMigrations } from "./connection-migrations.js";
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

  sync(options: SyncNetworksOptions): Promise<SyncResult> {
    return asPluginErrors(async () => {
      const { from, to, ...rest } = options;
      const [source, target] = await this.#hosts(from, to);
      return syncNetworks(source, target, rest);
    });
  }

  cutover(options: NetworkMigrationOptions): Promise<CutoverReport> {
    return asPluginErrors(async () => {
      const { from, to, ...rest } = options;
      const [source, target] = await this.#hosts(from, to);
      return cutoverNetworks(source, target, rest);
    });
  }

  readSnapshot(file: string): Promise<SnapshotReader> {
    return asPluginErrors(async () => new SnapshotReader(await readSnapshotFile(file)));
  }

  async #hosts(from: string, to: string) {
    const hosts = [];
    for (const name of [from, to]) {
      const connection = await this.hre.network.getOrCreate(name);
      hosts.push(await (connection.migrations as HardhatConnectionMigrations).host());
    }
    return hosts as [Awaited<ReturnType<HardhatConnectionMigrations["host"]>>, Awaited<ReturnType<HardhatConnectionMigrations["host"]>>];
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
