import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import { describeError, MigrationsError } from "../core/errors.js";
import type { MigrationFile } from "../core/migration-file.js";
import type { Registry } from "../core/registry/registry.js";
import { FileKeptBuilds, type KeptBuild } from "../core/verification/kept-builds.js";
import {
  migratorTargets,
  verificationTargets,
  verifyTargets,
  type VerificationExplorer,
  type VerificationOutcome,
} from "../core/verification/verify-deployments.js";
import { hardhatVerifyEtherscan, hardhatVerifyExplorer } from "./hardhat-verify-explorer.js";
import { hardhatKeptBuild } from "./hardhat-kept-build.js";

/**
 * Keeps the compiler input of what each migration deployed (always, on networks whose registry is
 * on disk), and verifies it on the explorer (`migrate --verify`, `migrate verify`).
 */
export class ConnectionVerification {
  readonly builds: FileKeptBuilds;

  constructor(
    readonly hre: HardhatRuntimeEnvironment,
    readonly connection: NetworkConnection,
  ) {
    this.builds = new FileKeptBuilds(hre.config.migrations.registryDir);
  }

  /** Whether the registry of this connection is on disk (an in-process chain's is in memory). */
  get keepsFiles(): boolean {
    return this.connection.networkConfig.type !== "edr-simulated" || this.hre.config.migrations.inProcessRegistry === "file";
  }

  /** Copies Hardhat's build `id` under the registry directory, once; nothing when Hardhat no longer has it. */
  readonly keepFromArtifacts = async (id: string): Promise<void> => {
    if (await this.builds.has(id)) {
      return;
    }
    const build = await hardhatKeptBuild(this.hre.artifacts, id);
    if (build !== undefined) {
      await this.builds.keep(build);
    }
  };

  /** The build `artifact` is compiled in now. */
  readonly currentBuild = async (artifact: string): Promise<KeptBuild | undefined> => {
    const id = await this.hre.artifacts.getBuildInfoId(artifact).catch(() => undefined);
    return id === undefined ? undefined : hardhatKeptBuild(this.hre.artifacts, id);
  };

  /** The explorers of this network (`migrations.explorers`), each checked to be usable (plugin loaded, explorer configured). */
  async explorers(): Promise<VerificationExplorer[]> {
    const chainId = Number(await this.connection.provider.request({ method: "eth_chainId" }));
    if (this.connection.networkConfig.type === "edr-simulated") {
      hardhatVerifyEtherscan(this.connection); // without hardhat-verify, that is what to say first
      throw new MigrationsError("VERIFY_NOT_AVAILABLE", { network: this.connection.networkName, chainId, reason: "it is an in-process network, which no explorer sees." });
    }
    const explorers: VerificationExplorer[] = [];
    for (const name of this.hre.config.migrations.explorers) {
      const explorer = await hardhatVerifyExplorer(this.hre, this.connection, name, chainId);
      try {
        await explorer.contractUrl("0x0000000000000000000000000000000000000000");
      } catch (error) {
        throw new MigrationsError("VERIFY_NOT_AVAILABLE", { network: this.connection.networkName, chainId, reason: describeError(error) }, { cause: error });
      }
      explorers.push(explorer);
    }
    return explorers;
  }

  /**
   * What runs after each migration of `migrate`: keeps the builds of its deployments, then, with
   * `explorers`, verifies them on each. Verification failures are recorded in the registry and
   * reported, never thrown: the migration is complete either way.
   */
  afterMigration(explorers: readonly VerificationExplorer[], onOutcome?: (outcome: VerificationOutcome) => void) {
    return async (migration: MigrationFile, registry: Registry): Promise<void> => {
      if (!this.keepsFiles) {
        return;
      }
      const deployed = verificationTargets(registry.all(), "", migration.id);
      for (const id of new Set(deployed.map((t) => t.buildInfoId).filter((id) => id !== undefined))) {
        await this.keepFromArtifacts(id);
      }
      for (const explorer of explorers) {
        // The Migrator (deployed with the first migration on this chain) until the explorer answered for it.
        const migrator = migratorTargets(registry.migrator, explorer.name).filter((t) => t.verification === undefined);
        await verifyTargets(
          { registry, explorer, builds: this.builds, provider: this.connection.provider, keepFromArtifacts: this.keepFromArtifacts, currentBuild: this.currentBuild, ...(onOutcome !== undefined ? { onOutcome } : {}) },
          [...migrator, ...verificationTargets(registry.all(), explorer.name, migration.id)],
        );
      }
    };
  }
}
