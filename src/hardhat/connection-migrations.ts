import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import type { ChainInfo } from "../core/chain.js";
import { migrateDown, type DownResult } from "../core/down.js";
import { MigrationsError } from "../core/errors.js";
import { forceClean, type ForceCleanResult } from "../core/force-clean.js";
import { migrate, type MigrationHost } from "../core/migrate.js";
import { parseMigrationId } from "../core/planner.js";
import type { ContractArtifact } from "../core/artifacts.js";
import { Registry } from "../core/registry/registry.js";
import { rebuildRegistry, type RebuildReport } from "../core/registry/rebuild-registry.js";
import type { MigrateResult } from "../core/results.js";
import { exportState, importState } from "../core/state-transfer.js";
import { migrationStatus, type StatusReport } from "../core/status.js";
import { bootstrapNetwork, type BootstrapReport } from "../core/network-migration/bootstrap.js";
import { formatSnapshot, parseSnapshot, readSnapshotFile, type NetworkSnapshot } from "../core/network-migration/snapshot-document.js";
import { genesisAlloc, takeSnapshot } from "../core/network-migration/take-snapshot.js";
import { stableStringify, writeFileAtomic } from "../core/json-file.js";
import type { StateFileDocument } from "../core/stores/file-state-store.js";
import type {
  ConnectionMigrations,
  DownOptions,
  FixtureOptions,
  ImportStateResult,
  MigrationContext,
  SnapshotOptions,
  MigrationsFixture,
  RegistryView,
  RunMigrationsOptions,
} from "../types.js";
import type { StoreKind } from "./config.js";
import { ConnectionFixtures } from "./connection-fixtures.js";
import { ConnectionHost } from "./connection-host.js";
import { ConnectionVerification } from "./connection-verification.js";
import { asPluginErrors } from "./plugin-error.js";
import type { VerificationOutcome } from "../core/verification/verify-deployments.js";
import { verifyRegistry, type VerifyResult } from "../core/verify.js";
import { simulateOnFork } from "./simulate.js";
import { withReporter } from "./ui/with-reporter.js";
import { importHardhatDeploy, type ImportHardhatDeployOptions, type ImportHardhatDeployResult } from "../core/imports/import-hardhat-deploy.js";
import { importIgnition, type ImportIgnitionOptions, type ImportIgnitionResult } from "../core/imports/import-ignition.js";
import { importTruffle, type ImportTruffleOptions, type ImportTruffleResult } from "../core/imports/import-truffle.js";

/**
 * `connection.migrations`: the engine bound to one network connection. Each method builds the
 * host for the operation (`ConnectionHost`) and calls one core function.
 */
export class HardhatConnectionMigrations implements ConnectionMigrations {
  readonly registry: RegistryView;
  readonly #host: ConnectionHost;
  readonly #fixtures: ConnectionFixtures;
  readonly #verification: ConnectionVerification;

  constructor(
    readonly hre: HardhatRuntimeEnvironment,
    readonly connection: NetworkConnection,
  ) {
    this.#host = new ConnectionHost(hre, connection);
    this.#fixtures = new ConnectionFixtures(this.#host);
    this.#verification = new ConnectionVerification(hre, connection);
    this.registry = this.#registryView();
  }

  get #redact(): (text: string) => string {
    return this.#host.redact;
  }

  run(given: RunMigrationsOptions = {}): Promise<MigrateResult> {
    const options = withReporter(given);
    return asPluginErrors(async () => {
      const plan = {
        ...optionalId("--to", "to", options.to),
        ...optionalId("--from", "from", options.from),
        ...optionalId("--only", "only", options.only),
      };
      const tags = tagList(options.tags);
      if (options.simulate === true) {
        return simulateOnFork(this.#host, {
          ...plan,
          ...(tags !== undefined ? { tags } : {}),
          ...(options.parameters !== undefined ? { parametersFile: options.parameters } : {}),
          ...(options.onEvent !== undefined ? { onEvent: options.onEvent } : {}),
        });
      }
      const explorers = options.verify === true && options.dryRun !== true ? await this.#verification.explorers() : [];
      const host = await this.#host.host({
        readOnly: options.dryRun === true,
        ...(options.parameters !== undefined ? { parametersFile: options.parameters } : {}),
      });
      return migrate(host, {
        ...plan,
        ...(tags !== undefined ? { tags } : {}),
        afterMigration: this.#verification.afterMigration(explorers, options.onVerification),
        rollback: options.rollback ?? this.hre.config.migrations.rollback,
        ...this.#migrationTimeout(options),
        ...(options.dryRun === true ? { dryRun: true } : {}),
        ...(options.reset === true ? { reset: true } : {}),
        ...(options.confirmReset === true ? { confirmReset: true } : {}),
        ...(options.confirm !== undefined ? { confirm: options.confirm } : {}),
        ...(options.onEvent !== undefined ? { onEvent: options.onEvent } : {}),
        ...(options.beforeSend !== undefined ? { beforeSend: options.beforeSend } : {}),
        ...(options.signal !== undefined ? { signal: options.signal } : {}),
        ...(options.allowDecommissioned === true ? { allowDecommissioned: true } : {}),
      });
    }, () => this.#redact);
  }

  /** The migration timeout in ms: the option, else the network's, else the global setting (else the core's default). */
  #migrationTimeout(options: RunMigrationsOptions): { migrationTimeoutMs?: number } {
    const seconds =
      options.migrationTimeout ??
      this.hre.config.migrations.networks[this.connection.networkName]?.migrationTimeout ??
      this.hre.config.migrations.migrationTimeout;
    return seconds === undefined ? {} : { migrationTimeoutMs: seconds * 1000 };
  }

  forceClean(id: number | string): Promise<ForceCleanResult> {
    return asPluginErrors(async () => forceClean(await this.host(), parseMigrationId("--force-clean", id)), () => this.#redact);
  }

  verify(options: { readonly onOutcome?: (outcome: VerificationOutcome) => void } = {}): Promise<VerifyResult> {
    return asPluginErrors(async () => {
      const explorers = await this.#verification.explorers();
      return verifyRegistry(await this.host(), {
        explorers,
        builds: this.#verification.builds,
        keepFromArtifacts: this.#verification.keepFromArtifacts,
        currentBuild: this.#verification.currentBuild,
        ...(options.onOutcome !== undefined ? { onOutcome: options.onOutcome } : {}),
      });
    }, () => this.#redact);
  }

  rebuildRegistry(): Promise<RebuildReport> {
    return asPluginErrors(async () => {
      const names = [...(await this.hre.artifacts.getAllFullyQualifiedNames())];
      const artifacts = await Promise.all(names.map(async (name) => (await this.hre.artifacts.readArtifact(name)) as unknown as ContractArtifact));
      return rebuildRegistry(await this.host(), artifacts);
    }, () => this.#redact);
  }

  status(options: { readonly tags?: string | readonly string[] } = {}): Promise<StatusReport> {
    const tags = tagList(options.tags);
    return asPluginErrors(async () => migrationStatus(await this.#host.host({ readOnly: true }), undefined, tags !== undefined ? { tags } : {}), () => this.#redact);
  }

  down(options: DownOptions = {}): Promise<DownResult> {
    return asPluginErrors(async () =>
      migrateDown(await this.host(), {
        ...(options.steps !== undefined ? { steps: options.steps } : {}),
        ...optionalId("--to", "to", options.to),
        ...(options.onEvent !== undefined ? { onEvent: options.onEvent } : {}),
        ...(options.allowDecommissioned === true ? { allowDecommissioned: true } : {}),
      }),
    );
  }

  redo(options: Pick<RunMigrationsOptions, "onEvent" | "allowDecommissioned"> = {}): Promise<{ down: DownResult; up: MigrateResult }> {
    return asPluginErrors(async () => {
      const down = await migrateDown(await this.host(), { steps: 1, ...options });
      const up = await migrate(await this.host(), { only: down.undone[0]!.id, rollback: this.hre.config.migrations.rollback, ...this.#migrationTimeout({}), ...options });
      return { down, up };
    });
  }

  exportState(): Promise<StateFileDocument> {
    return asPluginErrors(async () => exportState(await this.#host.host({ readOnly: true })));
  }

  importState(state: unknown, source = "the imported state"): Promise<ImportStateResult> {
    return asPluginErrors(async () => importState(await this.host(), state, source));
  }

  snapshot(options: SnapshotOptions = {}): Promise<NetworkSnapshot> {
    return asPluginErrors(async () => {
      const snapshot = await takeSnapshot(await this.host(), {
        ...(options.block !== undefined ? { block: parseBlock(options.block) } : {}),
        ...(options.traceMethod !== undefined ? { traceMethod: options.traceMethod } : {}),
      });
      if (options.out !== undefined) {
        await writeFileAtomic(options.out, formatSnapshot(snapshot));
      }
      if (options.genesis !== undefined) {
        await writeFileAtomic(options.genesis, stableStringify(genesisAlloc(snapshot)));
      }
      return snapshot;
    });
  }

  bootstrap(snapshot: string | NetworkSnapshot): Promise<BootstrapReport> {
    return asPluginErrors(async () => {
      const doc = typeof snapshot === "string" ? await readSnapshotFile(snapshot) : parseSnapshot(snapshot, "the given snapshot");
      return bootstrapNetwork(await this.host(), doc);
    });
  }

  importTruffle(options: ImportTruffleOptions): Promise<ImportTruffleResult> {
    return asPluginErrors(async () => importTruffle(await this.host(), options));
  }

  importHardhatDeploy(options: ImportHardhatDeployOptions): Promise<ImportHardhatDeployResult> {
    return asPluginErrors(async () => importHardhatDeploy(await this.host(), options));
  }

  importIgnition(options: ImportIgnitionOptions): Promise<ImportIgnitionResult> {
    return asPluginErrors(async () => importIgnition(await this.host(), options));
  }

  fixture<RegistryT>(options: FixtureOptions = {}): Promise<MigrationsFixture<RegistryT>> {
    return asPluginErrors(async () => (await this.#fixtures.load(options)) as MigrationsFixture<RegistryT>);
  }

  chainInfo(): Promise<ChainInfo> {
    return this.#host.chain();
  }

  /** The state store configured for this network. */
  get storeKind(): StoreKind {
    return this.#host.storeKind;
  }

  /** The engine's view of this connection, for one operation. */
  host(): Promise<MigrationHost<MigrationContext>> {
    return this.#host.host();
  }

  #registryView(): RegistryView {
    const read = <T>(use: (registry: Registry) => T | Promise<T>) =>
      asPluginErrors(async () => {
        const chain = await this.chainInfo();
        return use(await Registry.open(this.#host.workspace(chain).registry, chain, { readOnly: true }));
      });
    return {
      get: (name) => read((r) => r.get(name)),
      has: (name) => read((r) => r.has(name)),
      all: () => read((r) => r.all()),
      migrator: () => read((r) => r.migrator),
      contract: (name) =>
        read(async (r) => {
          const entry = r.get(name);
          const artifact = await this.hre.artifacts.readArtifact(entry.artifact);
          return (await this.#host.contract(entry.address, artifact.abi)) as never;
        }),
    };
  }
}

function parseBlock(value: number | string): number {
  const block = typeof value === "number" ? value : /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(block) || block < 0) {
    throw new MigrationsError("INVALID_OPTION", { option: "--block", reason: `${JSON.stringify(value)} is not a block number.` });
  }
  return block;
}

function optionalId<K extends string>(option: string, key: K, value: number | string | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: parseMigrationId(option, value) } as Partial<Record<K, number>>);
}

/** `--tags oracle,token` (or a list) as the list of tags; undefined when not given. */
function tagList(tags: string | readonly string[] | undefined): readonly string[] | undefined {
  return typeof tags === "string" ? tags.split(",").map((t) => t.trim()).filter((t) => t !== "") : tags;
}
