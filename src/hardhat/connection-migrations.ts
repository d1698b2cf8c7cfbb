import path from "node:path";

import { Contract, type Signer } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import type { ArtifactResolver, ContractArtifact } from "../core/artifacts.js";
import { inspectChain, type ChainInfo } from "../core/chain.js";
import { createMigrationRegistry } from "../core/context.js";
import { migrateDown, type DownResult } from "../core/down.js";
import { MigrationsError, describeError } from "../core/errors.js";
import { FixtureCache } from "../core/fixture-cache.js";
import { forceClean, type ForceCleanResult } from "../core/force-clean.js";
import { FileJournalStorage, MemoryJournalStorage, type JournalStorage } from "../core/journal/journal-storage.js";
import { createRedactor } from "../core/redact.js";
import { defaultTransactionPolicy, type TransactionPolicy } from "../core/transactions/transaction-policy.js";
import { migrate, type MigrationHost } from "../core/migrate.js";
import { migratorDesign } from "../core/migrator-interface.js";
import { normalizeSalt } from "../core/deterministic/create2-factory.js";
import { parseMigrationId } from "../core/planner.js";
import { FileRegistryStorage } from "../core/registry/file-registry-storage.js";
import { MemoryRegistryStorage } from "../core/registry/memory-registry-storage.js";
import { Registry } from "../core/registry/registry.js";
import type { RegistryDocument } from "../core/registry/registry-document.js";
import type { RegistryStorage } from "../core/registry/registry-storage.js";
import type { MigrateResult } from "../core/results.js";
import { openSession, openStateStore, deployMigrator } from "../core/session.js";
import { FileSnapshotJournal, MemorySnapshotJournal, type SnapshotJournal } from "../core/snapshot-journal.js";
import { migrationStatus, type StatusReport } from "../core/status.js";
import { bootstrapNetwork, type BootstrapReport } from "../core/network-migration/bootstrap.js";
import { formatSnapshot, parseSnapshot, readSnapshotFile, type NetworkSnapshot } from "../core/network-migration/snapshot-document.js";
import { genesisAlloc, takeSnapshot } from "../core/network-migration/take-snapshot.js";
import { stableStringify, writeFileAtomic } from "../core/json-file.js";
import { STATE_FILE_FORMAT, parseStateFile, type StateFileDocument } from "../core/stores/file-state-store.js";
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
import { hardhatArtifactResolver } from "./artifact-resolver.js";
import { importMigrationModule } from "./import-module.js";
import { asPluginErrors } from "./plugin-error.js";
import { networkSecrets } from "./secrets.js";
import { simulateOnFork } from "./simulate.js";
import { importHardhatDeploy, type ImportHardhatDeployOptions, type ImportHardhatDeployResult } from "../core/imports/import-hardhat-deploy.js";
import { importTruffle, type ImportTruffleOptions, type ImportTruffleResult } from "../core/imports/import-truffle.js";

/** `connection.migrations`: the engine bound to one network connection. */
export class HardhatConnectionMigrations implements ConnectionMigrations {
  readonly registry: RegistryView;
  #chain: Promise<ChainInfo> | undefined;
  #fixtures: FixtureCache<{ result: MigrateResult; doc: RegistryDocument }> | undefined;
  /** Fixtures keep their registry here, starting from the network's: never in files. */
  #fixtureRegistry: { storage: MemoryRegistryStorage; base: unknown } | undefined;
  /** In-process chains live as long as their connection, and so do their registry and snapshots. */
  readonly #memoryRegistry = new MemoryRegistryStorage();
  readonly #memorySnapshots = new MemorySnapshotJournal();
  readonly #memoryJournal = new MemoryJournalStorage();
  /** Removes this network's secrets from messages; knows the config's secrets once `host()` ran. */
  #redact: (text: string) => string = createRedactor([]);
  /** The deployer, resolved once per connection (its accounts do not change). */
  #deployerSigner: Promise<Signer> | undefined;
  /** Artifacts read by fixtures' registries: once per connection, as fixtures are themselves cached. */
  #fixtureArtifacts: ArtifactResolver | undefined;

  constructor(
    readonly hre: HardhatRuntimeEnvironment,
    readonly connection: NetworkConnection,
  ) {
    this.registry = this.#registryView();
  }

  get #inProcess(): boolean {
    return this.connection.networkConfig.type === "edr-simulated";
  }

  run(options: RunMigrationsOptions = {}): Promise<MigrateResult> {
    return asPluginErrors(async () => {
      const plan = {
        ...optionalId("--to", "to", options.to),
        ...optionalId("--from", "from", options.from),
        ...optionalId("--only", "only", options.only),
      };
      if (options.simulate === true) {
        return simulateOnFork(this, { ...plan, ...(options.onEvent !== undefined ? { onEvent: options.onEvent } : {}) });
      }
      return migrate(await this.host(), {
        ...plan,
        rollback: options.rollback ?? this.hre.config.migrations.rollback,
        ...(options.dryRun === true ? { dryRun: true } : {}),
        ...(options.reset === true ? { reset: true } : {}),
        ...(options.confirmReset === true ? { confirmReset: true } : {}),
        ...(options.confirm !== undefined ? { confirm: options.confirm } : {}),
        ...(options.onEvent !== undefined ? { onEvent: options.onEvent } : {}),
        ...(options.beforeSend !== undefined ? { beforeSend: options.beforeSend } : {}),
      });
    }, () => this.#redact);
  }

  forceClean(id: number | string): Promise<ForceCleanResult> {
    return asPluginErrors(async () => forceClean(await this.host(), parseMigrationId("--force-clean", id)), () => this.#redact);
  }

  status(): Promise<StatusReport> {
    return asPluginErrors(async () => migrationStatus(await this.host()), () => this.#redact);
  }

  down(options: DownOptions = {}): Promise<DownResult> {
    return asPluginErrors(async () =>
      migrateDown(await this.host(), {
        ...(options.steps !== undefined ? { steps: options.steps } : {}),
        ...optionalId("--to", "to", options.to),
        ...(options.onEvent !== undefined ? { onEvent: options.onEvent } : {}),
      }),
    );
  }

  redo(options: Pick<RunMigrationsOptions, "onEvent"> = {}): Promise<{ down: DownResult; up: MigrateResult }> {
    return asPluginErrors(async () => {
      const down = await migrateDown(await this.host(), { steps: 1, ...options });
      const up = await migrate(await this.host(), { only: down.undone[0]!.id, rollback: this.hre.config.migrations.rollback, ...options });
      return { down, up };
    });
  }

  exportState(): Promise<StateFileDocument> {
    return asPluginErrors(async () => {
      const host = await this.host();
      const session = await openSession(host, () => {}, { readOnly: true });
      const { store, completed } = await openStateStore(host, session, { readOnly: true });
      return {
        format: STATE_FILE_FORMAT,
        chainId: session.chain.chainId,
        genesisHash: session.chain.genesisHash,
        migrations: store === undefined ? [] : await store.records(completed),
      };
    });
  }

  importState(state: unknown, source = "the imported state"): Promise<ImportStateResult> {
    return asPluginErrors(async () => {
      const host = await this.host();
      const session = await openSession(host, () => {});
      const doc = parseStateFile(state, source, session.chain);
      let { store, completed } = await openStateStore(host, session);
      if (store === undefined) {
        store = (await deployMigrator(host, session)).store;
        completed = new Set();
      }
      const imported: number[] = [];
      const skipped: number[] = [];
      for (const record of doc.migrations) {
        if (completed.has(record.id)) {
          skipped.push(record.id);
          continue;
        }
        await store.record(record.id, record.contentHash ?? `0x${"0".repeat(64)}`);
        imported.push(record.id);
      }
      return { store: store.description, imported, skipped };
    });
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

  fixture(options: FixtureOptions = {}): Promise<MigrationsFixture> {
    return asPluginErrors(async () => {
      const to = options.to === undefined ? undefined : parseMigrationId("to", options.to);
      this.#fixtures ??= new FixtureCache(this.connection.provider, this.connection.networkName, async () => {
        if (this.#fixtureRegistry === undefined) {
          const base = await this.#registryStorage(await this.chainInfo()).load();
          this.#fixtureRegistry = { storage: new MemoryRegistryStorage(base), base };
        } else if (this.#fixtureRegistry.base !== undefined) {
          await this.#fixtureRegistry.storage.save(this.#fixtureRegistry.base as RegistryDocument);
        } else {
          await this.#fixtureRegistry.storage.archive();
        }
      });
      const { result, doc } = await this.#fixtures.load(
        JSON.stringify({ to }),
        async () => {
          const { storage } = this.#fixtureRegistry!;
          const result = await migrate(
            { ...(await this.host()), registryStorage: () => storage, journalStorage: () => new MemoryJournalStorage(), lockFile: () => undefined },
            { ...(to !== undefined ? { to } : {}), rollback: this.hre.config.migrations.rollback },
          );
          return { result, doc: (await Registry.open(storage, await this.chainInfo())).document };
        },
        async (value) => this.#fixtureRegistry!.storage.save(value.doc),
      );
      return {
        result,
        registry: createMigrationRegistry(Registry.fromDocument(doc), (this.#fixtureArtifacts ??= this.#artifacts()), await this.#deployer()),
      };
    });
  }

  chainInfo(): Promise<ChainInfo> {
    this.#chain ??= inspectChain(this.connection.provider, { inProcess: this.#inProcess });
    return this.#chain;
  }

  /** The state store configured for this network. */
  get storeKind(): "chain" | "file" | "none" {
    const { migrations } = this.hre.config;
    return migrations.networks[this.connection.networkName]?.store ?? migrations.store;
  }

  #registryStorage(chain: ChainInfo): RegistryStorage {
    if (this.#inProcess && this.hre.config.migrations.inProcessRegistry === "memory") {
      return this.#memoryRegistry;
    }
    return new FileRegistryStorage(path.join(this.hre.config.migrations.registryDir, `${chain.chainId}.json`));
  }

  /** Keeps journal and lock beside the registry: in memory for an in-process memory registry. */
  #journalStorage(chain: ChainInfo): JournalStorage {
    if (this.#inProcess && this.hre.config.migrations.inProcessRegistry === "memory") {
      return this.#memoryJournal;
    }
    return new FileJournalStorage(path.join(this.hre.config.migrations.registryDir, `${chain.chainId}.journal.jsonl`), !chain.isDevChain);
  }

  #lockFile(chain: ChainInfo): string | undefined {
    if (this.#inProcess && this.hre.config.migrations.inProcessRegistry === "memory") {
      return undefined;
    }
    return path.join(this.hre.config.migrations.registryDir, `${chain.chainId}.lock`);
  }

  /** The network's `confirmations`, `txTimeout`, `pollInterval` and `feeBump` over the defaults. */
  #transactionPolicy(chain: ChainInfo): TransactionPolicy {
    const configured = this.hre.config.migrations.networks[this.connection.networkName] ?? {};
    const defaults = defaultTransactionPolicy(chain.isDevChain);
    if (configured.confirmations === 0 && !chain.isDevChain) {
      throw new MigrationsError("INVALID_OPTION", {
        option: `migrations.networks.${this.connection.networkName}.confirmations`,
        reason: "0 is only allowed on dev chains; on a live network a transaction counts once mined (1) or later.",
      });
    }
    const bump = configured.feeBump;
    return {
      confirmations: configured.confirmations ?? defaults.confirmations,
      timeoutMs: configured.txTimeout !== undefined ? configured.txTimeout * 1000 : defaults.timeoutMs,
      pollMs: configured.pollInterval !== undefined ? configured.pollInterval * 1000 : defaults.pollMs,
      ...(bump !== undefined && bump !== false
        ? { feeBump: { afterMs: (bump.afterSeconds ?? 60) * 1000, percent: bump.percent ?? 20, maxBumps: bump.maxBumps ?? 5 } }
        : {}),
    };
  }

  #snapshotJournal(chain: ChainInfo): SnapshotJournal {
    return this.#inProcess
      ? this.#memorySnapshots
      : new FileSnapshotJournal(path.join(this.hre.config.migrations.registryDir, `${chain.chainId}.snapshots.json`), chain);
  }

  #deployer(): Promise<Signer> {
    if (this.#deployerSigner === undefined) {
      this.#deployerSigner = this.#resolveDeployer();
      this.#deployerSigner.catch(() => (this.#deployerSigner = undefined));
    }
    return this.#deployerSigner;
  }

  async #resolveDeployer(): Promise<Signer> {
    const configured = this.hre.config.migrations.deployer;
    const { ethers } = this.connection;
    try {
      if (typeof configured === "string") {
        return await ethers.getSigner(configured);
      }
      const signers = await ethers.getSigners();
      const signer = signers[configured];
      if (signer === undefined) {
        throw new Error(`the network has ${signers.length} account(s), so there is no account #${configured}`);
      }
      return signer;
    } catch (error) {
      throw new MigrationsError(
        "SIGNER_NOT_AVAILABLE",
        { deployer: typeof configured === "number" ? `account #${configured}` : configured, network: this.connection.networkName, reason: describeError(error) },
        { cause: error },
      );
    }
  }

  /** Artifacts by name, each read from disk once per run (or per fixture): a run does not rebuild. */
  #artifacts(): ArtifactResolver {
    const base = hardhatArtifactResolver(this.hre.artifacts);
    const read = new Map<string, Promise<ContractArtifact>>();
    return {
      ...base,
      readArtifact: (name) => {
        let artifact = read.get(name);
        if (artifact === undefined) {
          artifact = base.readArtifact(name);
          artifact.catch(() => read.delete(name));
          read.set(name, artifact);
        }
        return artifact;
      },
    };
  }

  /** The bytecode of the configured custom Migrator, after checking its interface. */
  async #customMigrator(): Promise<{ migratorBytecode: string; migratorDesign: 1 | 2 } | undefined> {
    const name = this.hre.config.migrations.migrator;
    if (name === undefined) {
      return undefined;
    }
    const artifact = await this.hre.artifacts.readArtifact(name);
    const { design, missing } = migratorDesign(artifact.abi);
    if (missing.length > 0 || artifact.bytecode === "0x") {
      throw new MigrationsError("CUSTOM_MIGRATOR_INVALID", {
        name,
        reason: missing.length > 0 ? `it lacks ${missing.join(", ")}` : "it is abstract or an interface (no bytecode)",
      });
    }
    return { migratorBytecode: artifact.bytecode, migratorDesign: design };
  }

  /** The configured salts (`migrations.salt` / per network, `migrations.migratorSalt`), as 32 bytes. */
  #salts(): { deploySalt?: string; migratorSalt?: string } {
    const { migrations } = this.hre.config;
    const perNetwork = migrations.networks[this.connection.networkName]?.salt;
    const deploy = perNetwork === false ? undefined : (perNetwork ?? migrations.salt);
    return {
      ...(deploy !== undefined ? { deploySalt: normalizeSalt(deploy, "migrations.salt") } : {}),
      ...(migrations.migratorSalt !== undefined ? { migratorSalt: normalizeSalt(migrations.migratorSalt, "migrations.migratorSalt") } : {}),
    };
  }

  /** The engine's view of this connection. */
  async host(): Promise<MigrationHost<MigrationContext>> {
    const { hre, connection } = this;
    const customMigrator = await this.#customMigrator();
    this.#redact = createRedactor(await networkSecrets(connection));
    const redact = this.#redact;
    return {
      networkName: connection.networkName,
      provider: connection.provider,
      inProcess: this.#inProcess,
      migrationsDir: hre.config.migrations.dir,
      artifacts: this.#artifacts(),
      store: this.storeKind,
      ...customMigrator,
      ...this.#salts(),
      getDeployer: () => this.#deployer(),
      getSigner: (address) => connection.ethers.getSigner(address),
      registryStorage: (chain) => this.#registryStorage(chain),
      stateFile: (chain) => path.join(hre.config.migrations.registryDir, `${chain.chainId}.migrations.json`),
      snapshotJournal: (chain) => this.#snapshotJournal(chain),
      providerAccounts: true,
      journalStorage: (chain) => this.#journalStorage(chain),
      lockFile: (chain) => this.#lockFile(chain),
      transactionPolicy: (chain) => this.#transactionPolicy(chain),
      redact,
      syncCheckpointFile: (chain) => path.join(hre.config.migrations.registryDir, `${chain.chainId}.sync.json`),
      importModule: importMigrationModule,
      extendContext: (core) => ({ ...core, hre, connection, ethers: connection.ethers }),
    };
  }

  #registryView(): RegistryView {
    const read = <T>(use: (registry: Registry) => T | Promise<T>) =>
      asPluginErrors(async () => {
        const chain = await this.chainInfo();
        return use(await Registry.open(this.#registryStorage(chain), chain, { readOnly: true }));
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
          return new Contract(entry.address, artifact.abi, await this.#deployer());
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
