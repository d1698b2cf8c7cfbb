import type { ArtifactResolver } from "./artifacts.js";
import type { ChainInfo } from "./chain.js";
import type { CoreMigrationContext } from "./context.js";
import { discoverMigrations } from "./discovery.js";
import type { MigrationEventListener } from "./events.js";
import type { MigrationFile } from "./migration-file.js";
import type { ParameterSet } from "./parameters.js";
import type { Eip1193Provider } from "./provider.js";
import { Registry } from "./registry/registry.js";
import { Journal } from "./journal/journal.js";
import { RunLock } from "./run-lock.js";
import type { SendingAccount } from "./transactions/sending-account.js";
import { createTransactionLayer, type TransactionLayer } from "./transactions/migration-sender.js";
import type { TransactionPolicy } from "./transactions/transaction-policy.js";
import type { MigrationStateStore } from "./stores/state-store.js";
import type { ChainWorkspace } from "./workspace/chain-workspace.js";

/** The accounts a host signs with. */
export interface HostSigners {
  /** The configured deployer. */
  deployer(): Promise<SendingAccount>;
  /**
   * The deployer's address when the host knows it without reading a secret (no key, no keystore
   * prompt); undefined when only its key would tell. Used by read-only operations (dry runs).
   */
  knownDeployerAddress?(): Promise<string | undefined>;
  /** The account of `ctx.deploy(..., { from })`, a named account, a library's `from`. */
  signer(address: string): Promise<SendingAccount>;
  /**
   * The network's named accounts (`ctx.accounts`), name → address, resolved when a migration
   * first needs them (never by read-only commands); a name that cannot be resolved maps to the
   * error that says why, thrown only when a migration reads it.
   */
  named?(): Promise<Readonly<Record<string, string | Error>>>;
}

/** How a host loads migration files and dresses the context they receive. */
export interface MigrationScripts<ContextT> {
  importModule(url: string): Promise<unknown>;
  /** May be async: a front-end is loaded (dynamic import) only when a project uses its library. */
  extendContext(core: CoreMigrationContext): ContextT | Promise<ContextT>;
}

/**
 * What this network's configuration sets for a run: how transactions are sent, the default salt,
 * the parameters, and the network migrations are selected for.
 */
export interface RunSettings {
  /** Confirmations, timeout and fee bumping on this chain. */
  readonly policy: TransactionPolicy;
  /** Default 32-byte salt of `ctx.deploy` on this network (deterministic deployments). */
  readonly deploySalt?: string;
  /** The network's parameters (`ctx.parameters`), read when a migration first needs them. */
  readonly parameters?: () => Promise<ParameterSet>;
  /**
   * The network migrations' `networks`/`skipNetworks` exports are matched against, when it is not
   * this host's (a simulation on a fork of sepolia selects as sepolia, not as a dev chain).
   */
  readonly selectAs?: { readonly network: string; readonly isDevChain: boolean };
}

/**
 * What the engine needs from its host (the Hardhat plugin, or a test): one chain, resolved once,
 * with everything kept about it (`workspace`) and its record of completed migrations (`store`, an
 * instance: the engine never picks a store by kind). A host is built per operation.
 */
export interface MigrationHost<ContextT> {
  readonly networkName: string;
  readonly provider: Eip1193Provider;
  readonly chain: ChainInfo;
  readonly workspace: ChainWorkspace;
  readonly store: MigrationStateStore;
  readonly settings: RunSettings;
  readonly signers: HostSigners;
  readonly migrationsDir: string;
  readonly artifacts: ArtifactResolver;
  readonly scripts: MigrationScripts<ContextT>;
}

/** A network opened for migrating: its identity, registry, migration files and deployer. */
export interface Session {
  readonly chain: ChainInfo;
  readonly network: { readonly name: string; readonly chainId: number };
  readonly registry: Registry;
  readonly migrations: MigrationFile[];
  /** The configured deployer, resolved on first use (status never needs one). */
  deployer(): Promise<SendingAccount>;
  readonly emit: MigrationEventListener;
}

export async function openSession<ContextT>(
  host: MigrationHost<ContextT>,
  emit: MigrationEventListener,
  options: { readOnly?: boolean } = {},
): Promise<Session> {
  const { chain } = host;
  const migrations = await discoverMigrations(host.migrationsDir);
  let deployer: Promise<SendingAccount> | undefined;
  const registry = await Registry.open(host.workspace.registry, chain, {
    notice: (message) => emit({ type: "notice", message }),
    ...(options.readOnly === true ? { readOnly: true } : {}),
  });
  return {
    chain,
    network: { name: host.networkName, chainId: chain.chainId },
    registry,
    migrations,
    deployer: () => (deployer ??= host.signers.deployer()),
    emit,
  };
}

/**
 * Opens the host's state store for this session and reads its completed set. With `layer`, a
 * store that deploys itself (the Migrator) journals that deployment through it.
 */
export async function openStateStore<ContextT>(
  host: MigrationHost<ContextT>,
  session: Session,
  options: { readOnly?: boolean; layer?: TransactionLayer } = {},
): Promise<{ store: MigrationStateStore; completed: Set<number> }> {
  const { store } = host;
  const completed =
    store.open === undefined
      ? await store.completed()
      : await store.open({
          networkName: host.networkName,
          chain: session.chain,
          registry: session.registry,
          deployer: () => session.deployer(),
          readOnly: options.readOnly === true,
          emit: session.emit,
          ...(options.layer !== undefined ? { layer: options.layer } : {}),
        });
  return { store, completed };
}

/** The chain's transaction journal, when the workspace keeps one. */
export async function openJournal<ContextT>(
  host: MigrationHost<ContextT>,
  session: Session,
  options: { readOnly?: boolean } = {},
): Promise<Journal | undefined> {
  const storage = host.workspace.journal;
  if (storage === undefined) {
    return undefined;
  }
  return Journal.open(storage, session.chain, {
    notice: (message) => session.emit({ type: "notice", message }),
    ...(options.readOnly === true ? { readOnly: true } : {}),
    redact: host.workspace.redact,
  });
}

/** The one transaction layer of a run on the host's chain (journaled when `journal` is given). */
export function openTransactionLayer<ContextT>(
  host: MigrationHost<ContextT>,
  journal?: Journal,
  watch: { emit?: MigrationEventListener; signal?: AbortSignal | undefined } = {},
): TransactionLayer {
  return createTransactionLayer(host.provider, {
    isDevChain: host.chain.isDevChain,
    policy: host.settings.policy,
    chainId: host.chain.chainId,
    ...(journal !== undefined ? { journal } : {}),
    ...(watch.emit !== undefined ? { emit: watch.emit } : {}),
    ...(watch.signal !== undefined ? { signal: watch.signal } : {}),
  });
}

/**
 * Runs `body` holding the chain's run lock (when the workspace keeps one): taken before the
 * registry is read, so a run never works from a registry another run is changing.
 */
export async function withRunLock<ContextT, T>(
  host: MigrationHost<ContextT>,
  body: () => Promise<T>,
  options: { lock?: boolean } = {},
): Promise<T> {
  const file = options.lock === false ? undefined : host.workspace.lockFile;
  const lock = file === undefined ? undefined : await RunLock.acquire(file, host.chain.chainId);
  try {
    return await body();
  } finally {
    await lock?.release();
  }
}

/** The host's named accounts and parameters, as `executeMigration` options. */
export function namedAndParameters<ContextT>(host: MigrationHost<ContextT>): {
  named?: () => Promise<Readonly<Record<string, string | Error>>>;
  parameters?: () => Promise<ParameterSet>;
} {
  const { signers } = host;
  const { parameters } = host.settings;
  return {
    ...(signers.named !== undefined ? { named: () => signers.named!() } : {}),
    ...(parameters !== undefined ? { parameters } : {}),
  };
}
