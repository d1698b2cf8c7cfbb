import type { Signer } from "ethers";

import type { ArtifactResolver } from "./artifacts.js";
import { inspectChain, type ChainInfo } from "./chain.js";
import type { CoreMigrationContext } from "./context.js";
import { discoverMigrations } from "./discovery.js";
import { MigrationsError } from "./errors.js";
import type { MigrationEventListener } from "./events.js";
import type { MigrationFile } from "./migration-file.js";
import { type Eip1193Provider, headBlock } from "./provider.js";
import { Registry } from "./registry/registry.js";
import type { RegistryStorage } from "./registry/registry-storage.js";
import { Journal } from "./journal/journal.js";
import { RunLock } from "./run-lock.js";
import type { JournalStorage } from "./journal/journal-storage.js";
import type { SnapshotJournal } from "./snapshot-journal.js";
import { MigrationSender, type TransactionLayer } from "./transactions/migration-sender.js";
import type { TransactionPolicy } from "./transactions/transaction-policy.js";
import { FileStateStore } from "./stores/file-state-store.js";
import { MigratorStateStore } from "./stores/migrator-state-store.js";
import { NoneStateStore } from "./stores/none-state-store.js";
import type { MigrationStateStore, StateStoreKind } from "./stores/state-store.js";

/** What the engine needs from its host (the Hardhat plugin, or a test). */
export interface MigrationHost<ContextT> {
  readonly networkName: string;
  readonly provider: Eip1193Provider;
  /** An in-process chain (Hardhat's EDR): always a dev chain. */
  readonly inProcess: boolean;
  readonly migrationsDir: string;
  readonly artifacts: ArtifactResolver;
  /** Where the record of completed migrations lives (default "chain": the Migrator contract). */
  readonly store?: Exclude<StateStoreKind, "memory">;
  /** Creation bytecode of a custom Migrator (checked by the host); default: the shipped one. */
  readonly migratorBytecode?: string;
  /** Which interface the custom Migrator implements (see migrator-interface.ts); default 1. */
  readonly migratorDesign?: 1 | 2;
  /**
   * A 32-byte salt: the Migrator is deployed through the CREATE2 factory, at one address on every
   * chain for the same deployer (the factory must be on the chain; dev chains get it installed).
   */
  readonly migratorSalt?: string;
  /** Default 32-byte salt of `ctx.deploy` on this network (deterministic deployments). */
  readonly deploySalt?: string;
  /** The configured deployer. */
  getDeployer(): Promise<Signer>;
  /** A signer for `ctx.deploy(..., { from })`. */
  getSigner(address: string): Promise<Signer>;
  registryStorage(chain: ChainInfo): RegistryStorage;
  /** Path of the file store's JSON file for `chain`. */
  stateFile?(chain: ChainInfo): string;
  /** Where a network migration's sync checkpoint for target `chain` lives. */
  syncCheckpointFile?(chain: ChainInfo): string;
  /** Where the snapshot taken before each migration is remembered (dev chains), for `down`. */
  snapshotJournal?(chain: ChainInfo): SnapshotJournal;
  /** Where the transaction journal of `chain` lives (default: nowhere, nothing is journaled). */
  journalStorage?(chain: ChainInfo): JournalStorage;
  /** The lock file that keeps two runs from migrating `chain` at once; none when undefined. */
  lockFile?(chain: ChainInfo): string | undefined;
  /** Confirmations, timeout and fee bumping for `chain` (default: by dev chain or not). */
  transactionPolicy?(chain: ChainInfo): TransactionPolicy;
  /**
   * The signers `getDeployer`/`getSigner` return sign through `provider` (Hardhat's configured or
   * the node's accounts): transactions can be sent as plain `eth_sendTransaction` requests.
   */
  readonly providerAccounts?: boolean;
  /** Removes secrets (RPC URLs, keys) from text the engine writes to files. */
  redact?(text: string): string;
  /** A store given directly (tests, embedding); overrides `store`. */
  stateStore?(chain: ChainInfo): MigrationStateStore | undefined;
  importModule(url: string): Promise<unknown>;
  extendContext(core: CoreMigrationContext): ContextT;
}

/** A network opened for migrating: its identity, registry, migration files and deployer. */
export interface Session {
  readonly chain: ChainInfo;
  readonly network: { readonly name: string; readonly chainId: number };
  readonly registry: Registry;
  readonly migrations: MigrationFile[];
  /** The configured deployer, resolved on first use (status never needs one). */
  deployer(): Promise<Signer>;
  readonly emit: MigrationEventListener;
}

export async function openSession<ContextT>(
  host: MigrationHost<ContextT>,
  emit: MigrationEventListener,
  options: { readOnly?: boolean; chain?: ChainInfo } = {},
): Promise<Session> {
  const [chain, migrations] = await Promise.all([
    options.chain ?? inspectChain(host.provider, { inProcess: host.inProcess }),
    discoverMigrations(host.migrationsDir),
  ]);
  let deployer: Promise<Signer> | undefined;
  const registry = await Registry.open(host.registryStorage(chain), chain, {
    notice: (message) => emit({ type: "notice", message }),
    ...(options.readOnly === true ? { readOnly: true } : {}),
  });
  return {
    chain,
    network: { name: host.networkName, chainId: chain.chainId },
    registry,
    migrations,
    deployer: () => (deployer ??= host.getDeployer()),
    emit,
  };
}

/**
 * The network's state store, with its completed set. For the Migrator, `undefined` store means
 * none is deployed yet (`completed` is then empty); `deployMigrator` deploys one.
 */
export async function openStateStore<ContextT>(
  host: MigrationHost<ContextT>,
  session: Session,
  options: { readOnly?: boolean } = {},
): Promise<{ store: MigrationStateStore | undefined; completed: Set<number> }> {
  const given = host.stateStore?.(session.chain);
  if (given !== undefined) {
    return { store: given, completed: await given.completed() };
  }
  const kind = host.store ?? "chain";
  if (kind === "none") {
    return { store: new NoneStateStore(), completed: new Set() };
  }
  if (kind === "file") {
    if (host.stateFile === undefined) {
      throw new Error("The host has no state file location for the file store.");
    }
    const head = () => headBlock(host.provider);
    const store = new FileStateStore(host.stateFile(session.chain), session.chain, head);
    return { store, completed: await store.completed() };
  }
  const known = session.registry.migrator;
  if (known === undefined) {
    return { store: undefined, completed: new Set() };
  }
  // The deployer is resolved while the record is read (one round trip for both).
  const signer = options.readOnly === true ? undefined : session.deployer();
  const attached = await MigratorStateStore.attach(host.provider, signer, known, session.registry.storage.location);
  if (attached !== undefined) {
    return attached;
  }
  if (!session.chain.isDevChain) {
    throw new MigrationsError("MIGRATOR_NOT_FOUND", { address: known.address, network: host.networkName, file: session.registry.storage.location });
  }
  if (options.readOnly !== true) {
    await session.registry.discard(`the Migrator at ${known.address} has no code (the dev chain was reset)`, (message) =>
      session.emit({ type: "notice", message }),
    );
  }
  return { store: undefined, completed: new Set() };
}

/** The journal's pseudo migration id of the Migrator's own deployment (real ids are positive). */
export const MIGRATOR_STEP_ID = 0;

/**
 * Deploys a Migrator from the deployer and records it in the registry. With a transaction layer,
 * the deployment is journaled (as migration 0) and resumed like a migration's, so a run killed
 * while deploying it does not leave a second Migrator behind.
 */
export async function deployMigrator<ContextT>(
  host: MigrationHost<ContextT>,
  session: Session,
  layer?: TransactionLayer,
): Promise<{ store: MigratorStateStore; gasUsed: bigint; address: string }> {
  const deployer = await session.deployer();
  const custom = host.migratorBytecode === undefined ? {} : { custom: { bytecode: host.migratorBytecode, design: host.migratorDesign ?? 1 } };
  const chain = { isDevChain: session.chain.isDevChain, network: host.networkName };
  const salt = host.migratorSalt === undefined ? {} : { salt: host.migratorSalt };
  let deployed;
  if (layer === undefined) {
    deployed = await MigratorStateStore.deploy(host.provider, deployer, { ...custom, ...salt, chain });
  } else {
    const file = { id: MIGRATOR_STEP_ID, fileName: "(the Migrator)" };
    const sender = new MigrationSender(layer, file, layer.journal?.interrupted().get(MIGRATOR_STEP_ID));
    await layer.journal?.migrationStarted(MIGRATOR_STEP_ID, file.fileName, "0x");
    deployed = await MigratorStateStore.deploy(host.provider, sender.signer(deployer), {
      ...custom,
      ...salt,
      chain,
      wait: (tx) => sender.wait(tx),
      replaysNext: (tx) => sender.replaysNext(tx),
    });
  }
  await session.registry.setMigrator(deployed.record);
  await layer?.journal?.append({ type: "migration-completed", migration: MIGRATOR_STEP_ID });
  session.emit({ type: "migrator-deployed", address: deployed.record.address, gasUsed: deployed.gasUsed });
  return { store: deployed.store, gasUsed: deployed.gasUsed, address: deployed.record.address };
}

/** The chain's transaction journal, when the host keeps one. */
export async function openJournal<ContextT>(
  host: MigrationHost<ContextT>,
  session: Session,
  options: { readOnly?: boolean } = {},
): Promise<Journal | undefined> {
  const storage = host.journalStorage?.(session.chain);
  if (storage === undefined) {
    return undefined;
  }
  return Journal.open(storage, session.chain, {
    notice: (message) => session.emit({ type: "notice", message }),
    ...(options.readOnly === true ? { readOnly: true } : {}),
    ...(host.redact !== undefined ? { redact: host.redact } : {}),
  });
}

/**
 * Runs `body` holding the chain's run lock (when the host keeps one): taken before the registry
 * is read, so a run never works from a registry another run is changing.
 */
export async function withRunLock<ContextT, T>(
  host: MigrationHost<ContextT>,
  body: (chain: ChainInfo) => Promise<T>,
  options: { lock?: boolean } = {},
): Promise<T> {
  const chain = await inspectChain(host.provider, { inProcess: host.inProcess });
  const file = options.lock === false ? undefined : host.lockFile?.(chain);
  const lock = file === undefined ? undefined : await RunLock.acquire(file, chain.chainId);
  try {
    return await body(chain);
  } finally {
    await lock?.release();
  }
}
