import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import { inspectChain, type ChainInfo } from "../core/chain.js";
import { MigrationsError } from "../core/errors.js";
import { normalizeSalt } from "../core/deterministic/create2-factory.js";
import { migratorDesign } from "../core/migrator-interface.js";
import { headBlock, type Eip1193Provider } from "../core/provider.js";
import { createRedactor } from "../core/redact.js";
import type { HostSigners, MigrationHost } from "../core/session.js";
import type { SendingAccount } from "../core/transactions/sending-account.js";
import { FileStateStore } from "../core/stores/file-state-store.js";
import { LazyMigratorStateStore } from "../core/stores/lazy-migrator-state-store.js";
import { NoneStateStore } from "../core/stores/none-state-store.js";
import type { MigrationStateStore } from "../core/stores/state-store.js";
import type { ChainWorkspace } from "../core/workspace/chain-workspace.js";
import { FileChainWorkspace } from "../core/workspace/file-chain-workspace.js";
import { MemoryChainWorkspace } from "../core/workspace/memory-chain-workspace.js";
import type { MigrationContext } from "../types.js";
import { cachedArtifactResolver } from "./cached-artifacts.js";
import type { StoreKind } from "./config.js";
import { configuredDeployer, knownDeployerAddress, resolveConfiguredDeployer } from "./configured-deployer.js";
import { contractLibrary } from "./front-end/contract-library.js";
import { connectionAccount } from "./front-end/connection-signers.js";
import type { FrontEnd } from "./front-end/front-end.js";
import { loadFrontEnd } from "./front-end/load-front-end.js";
import { resolveNamedAccounts, resolveParameters } from "./named-accounts-resolver.js";
import { readOnlyProvider } from "./read-only-provider.js";
import { importMigrationModule } from "./import-module.js";
import { networkTransactionPolicy } from "./network-transaction-policy.js";
import { networkSecrets } from "./secrets.js";

/**
 * Builds the engine's `MigrationHost` for one network connection: resolves the chain, then its
 * workspace (where registry, journal, snapshots, lock and state file live), its state store
 * instance, transaction policy and signers, from the Hardhat config. What must outlive one
 * operation lives here: the in-memory workspace of an in-process chain and the resolved deployer.
 */
/** A custom Migrator (`migrations.migrator`): its creation bytecode and which design it implements. */
export interface CustomMigrator {
  readonly bytecode: string;
  readonly design: 1 | 2;
}

export class ConnectionHost {
  /** In-process chains live as long as their connection, and so do their registry, journal and snapshots. */
  readonly memory = new MemoryChainWorkspace();
  /** Removes this network's secrets from messages; knows the config's secrets once `host()` ran. */
  redact: (text: string) => string = createRedactor([]);
  #chain: Promise<ChainInfo> | undefined;
  #deployer: Promise<SendingAccount> | undefined;
  #named: Promise<Record<string, string | Error>> | undefined;
  readonly #frontEnds = new Map<NetworkConnection, Promise<FrontEnd>>();

  constructor(
    readonly hre: HardhatRuntimeEnvironment,
    readonly connection: NetworkConnection,
  ) {}

  get inProcess(): boolean {
    return this.connection.networkConfig.type === "edr-simulated";
  }

  /** The network's `live` setting: overrides the dev-chain detection (undefined: detected). */
  get declaredLive(): boolean | undefined {
    return this.hre.config.migrations.networks[this.connection.networkName]?.live;
  }

  /** The state store configured for this network. */
  get storeKind(): StoreKind {
    const { migrations } = this.hre.config;
    return migrations.networks[this.connection.networkName]?.store ?? migrations.store;
  }

  /** The connection's chain, inspected once (for registry reads between operations). */
  chain(): Promise<ChainInfo> {
    this.#chain ??= inspectChain(this.connection.provider, { inProcess: this.inProcess, live: this.declaredLive });
    return this.#chain;
  }

  /**
   * Where `chain`'s state lives: files under `registryDir`, except on an in-process chain, whose
   * dev snapshots are in memory, and whose registry, journal and lock are too unless
   * `inProcessRegistry` is "file".
   */
  workspace(chain: ChainInfo): ChainWorkspace {
    const files = new FileChainWorkspace(this.hre.config.migrations.registryDir, chain, this.redact);
    if (!this.inProcess) {
      return files;
    }
    if (this.hre.config.migrations.inProcessRegistry === "memory") {
      return { ...this.memory, redact: this.redact, stateFile: files.stateFile, syncCheckpointFile: files.syncCheckpointFile };
    }
    return { ...files, snapshots: this.memory.snapshots };
  }

  /** The configured store, as an instance over `provider` (the Migrator deploys itself when first needed). */
  stateStore(kind: StoreKind, provider: Eip1193Provider, chain: ChainInfo, workspace: ChainWorkspace, custom: CustomMigrator | undefined): MigrationStateStore {
    if (kind === "none") {
      return new NoneStateStore();
    }
    if (kind === "file") {
      const file = workspace.stateFile ?? new FileChainWorkspace(this.hre.config.migrations.registryDir, chain).stateFile;
      return new FileStateStore(file, chain, () => headBlock(provider));
    }
    const migratorSalt = this.hre.config.migrations.migratorSalt;
    return new LazyMigratorStateStore(provider, {
      ...(custom !== undefined ? { custom } : {}),
      ...(migratorSalt !== undefined ? { salt: normalizeSalt(migratorSalt, "migrations.migratorSalt") } : {}),
    });
  }

  /** The network's `deployer` named account as configured (`accounts.deployer`, else `migrations.deployer`). */
  get #configuredDeployer() {
    return configuredDeployer(this.hre.config.migrations, this.connection.networkName);
  }

  /** The configured deployer, resolved once per connection (its accounts do not change). */
  deployer(): Promise<SendingAccount> {
    if (this.#deployer === undefined) {
      this.#deployer = resolveConfiguredDeployer(this.#configuredDeployer, this.connection);
      this.#deployer.catch(() => (this.#deployer = undefined));
    }
    return this.#deployer;
  }

  /** The configured default salt of `ctx.deploy` on this network (`migrations.salt`, per network), as 32 bytes. */
  deploySalt(): string | undefined {
    const { migrations } = this.hre.config;
    const perNetwork = migrations.networks[this.connection.networkName]?.salt;
    const salt = perNetwork === false ? undefined : (perNetwork ?? migrations.salt);
    return salt === undefined ? undefined : normalizeSalt(salt, "migrations.salt");
  }

  /** The configured custom Migrator's bytecode and design, after checking its interface. */
  async customMigrator(): Promise<CustomMigrator | undefined> {
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
    return { bytecode: artifact.bytecode, design };
  }

  /** The front-end of the project's contract library (ethers or viem), imported on first use. */
  frontEnd(connection: NetworkConnection = this.connection): Promise<FrontEnd> {
    let frontEnd = this.#frontEnds.get(connection);
    if (frontEnd === undefined) {
      frontEnd = loadFrontEnd(this.hre, connection);
      frontEnd.catch(() => this.#frontEnds.delete(connection));
      this.#frontEnds.set(connection, frontEnd);
    }
    return frontEnd;
  }

  /** The deployed contract at `address` in the project's library, connected to the deployer. */
  async contract(address: string, abi: readonly unknown[]): Promise<unknown> {
    const deployer = (await this.deployer()).address;
    return (await this.frontEnd()).contract(address, abi, deployer);
  }

  /** The named accounts, resolved once per connection (only when a migration runs). */
  namedAccounts(): Promise<Record<string, string | Error>> {
    this.#named ??= resolveNamedAccounts(this.hre, this.connection);
    return this.#named;
  }

  /**
   * The engine's view of this connection, for one operation. `readOnly` operations (status,
   * dry runs, export) never resolve the network's secret accounts (no keystore prompt).
   */
  async host(options: { readOnly?: boolean; parametersFile?: string } = {}): Promise<MigrationHost<MigrationContext>> {
    const { connection } = this;
    if (options.readOnly !== true) {
      // A library that is configured but not loaded (or none at all) stops before anything is sent.
      contractLibrary(this.hre.config.migrations.library, connection);
    }
    const custom = await this.customMigrator();
    this.redact = createRedactor(await networkSecrets(connection, { accounts: options.readOnly !== true }));
    // Read-only operations never make Hardhat's provider read the network's keys.
    const provider = (options.readOnly === true ? await readOnlyProvider(connection) : undefined) ?? connection.provider;
    const chain = await inspectChain(provider, { inProcess: this.inProcess, live: this.declaredLive });
    const workspace = this.workspace(chain);
    return this.assemble({
      connection,
      provider,
      chain,
      workspace,
      store: this.stateStore(this.storeKind, provider, chain, workspace, custom),
      signers: {
        deployer: () => this.deployer(),
        knownDeployerAddress: () => knownDeployerAddress(this.#configuredDeployer, connection, provider),
        signer: async (address) => connectionAccount(connection, address),
        named: () => this.namedAccounts(),
      },
      parametersFile: options.parametersFile,
    });
  }

  /**
   * A host over `parts.connection` (this one, or an in-process fork of it) with this network's
   * migrations, artifacts and transaction settings.
   */
  assemble(parts: {
    networkName?: string;
    connection: NetworkConnection;
    /** The provider the engine uses, when not the connection's (a read-only one). */
    provider?: Eip1193Provider;
    chain: ChainInfo;
    workspace: ChainWorkspace;
    store: MigrationStateStore;
    signers: HostSigners;
    /** The `--parameters` file, over the network's parameters. */
    parametersFile?: string | undefined;
    /** The network migrations are selected for (`export const networks`), when not this one. */
    selectAs?: { network: string; isDevChain: boolean };
  }): MigrationHost<MigrationContext> {
    const { hre } = this;
    const { connection, chain } = parts;
    const networkName = this.connection.networkName;
    return {
      networkName: parts.networkName ?? networkName,
      provider: parts.provider ?? connection.provider,
      chain,
      workspace: parts.workspace,
      store: parts.store,
      settings: {
        policy: networkTransactionPolicy(networkName, hre.config.migrations.networks[networkName], chain),
        ...(this.deploySalt() !== undefined ? { deploySalt: this.deploySalt()! } : {}),
        parameters: () => resolveParameters(hre, networkName, parts.parametersFile),
        ...(parts.selectAs !== undefined ? { selectAs: parts.selectAs } : {}),
      },
      signers: parts.signers,
      migrationsDir: hre.config.migrations.dir,
      artifacts: cachedArtifactResolver(hre.artifacts),
      scripts: {
        importModule: importMigrationModule,
        extendContext: async (core) => (await this.frontEnd(connection)).extendContext(core) as Promise<MigrationContext>,
      },
    };
  }
}
