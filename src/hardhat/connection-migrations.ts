import path from "node:path";

import { Contract, type Signer } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import type { ArtifactResolver, ContractArtifact } from "../core/artifacts.js";
import { inspectChain, type ChainInfo } from "../core/chain.js";
import { createMigrationRegistry } from "../core/context.js";
import { MigrationsError, describeError } from "../core/errors.js";
import { FixtureCache } from "../core/fixture-cache.js";
import { migrate, type MigrationHost } from "../core/migrate.js";
import { parseMigrationId } from "../core/planner.js";
import { FileRegistryStorage } from "../core/registry/file-registry-storage.js";
import { MemoryRegistryStorage } from "../core/registry/memory-registry-storage.js";
import { Registry } from "../core/registry/registry.js";
import type { RegistryDocument } from "../core/registry/registry-document.js";
import type { RegistryStorage } from "../core/registry/registry-storage.js";
import type { MigrateResult } from "../core/results.js";
import type {
  ConnectionMigrations,
  FixtureOptions,
  MigrationContext,
  MigrationsFixture,
  RegistryView,
  RunMigrationsOptions,
} from "../types.js";
import { importMigrationModule } from "./import-module.js";
import { asPluginErrors } from "./plugin-error.js";

/** `connection.migrations`: the engine bound to one network connection. */
export class HardhatConnectionMigrations implements ConnectionMigrations {
  readonly registry: RegistryView;
  #chain: Promise<ChainInfo> | undefined;
  #fixtures: FixtureCache<{ result: MigrateResult; doc: RegistryDocument }> | undefined;
  /** Fixtures keep their registry here, starting from the network's: never in files. */
  #fixtureRegistry: { storage: MemoryRegistryStorage; base: unknown } | undefined;
  /** In-process chains live as long as their connection, and so does their in-memory registry. */
  readonly #memoryRegistry = new MemoryRegistryStorage();

  constructor(
    private readonly hre: HardhatRuntimeEnvironment,
    private readonly connection: NetworkConnection,
  ) {
    this.registry = this.#registryView();
  }

  get #inProcess(): boolean {
    return this.connection.networkConfig.type === "edr-simulated";
  }

  run(options: RunMigrationsOptions = {}): Promise<MigrateResult> {
    return asPluginErrors(() => {
      const to = options.to === undefined ? undefined : parseMigrationId("--to", options.to);
      return migrate(this.#host(), {
        ...(to !== undefined ? { to } : {}),
        rollback: options.rollback ?? this.hre.config.migrations.rollback,
        ...(options.onEvent !== undefined ? { onEvent: options.onEvent } : {}),
      });
    });
  }

  fixture(options: FixtureOptions = {}): Promise<MigrationsFixture> {
    return asPluginErrors(async () => {
      const to = options.to === undefined ? undefined : parseMigrationId("to", options.to);
      this.#fixtures ??= new FixtureCache(this.connection.provider, this.connection.networkName, async () => {
        if (this.#fixtureRegistry === undefined) {
          const base = await this.#registryStorage(await this.#chainInfo()).load();
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
            { ...this.#host(), registryStorage: () => storage },
            { ...(to !== undefined ? { to } : {}), rollback: this.hre.config.migrations.rollback },
          );
          return { result, doc: (await Registry.open(storage, await this.#chainInfo())).document };
        },
        async (value) => this.#fixtureRegistry!.storage.save(value.doc),
      );
      return {
        result,
        registry: createMigrationRegistry(Registry.fromDocument(doc), this.#artifacts(), await this.#deployer()),
      };
    });
  }

  #chainInfo(): Promise<ChainInfo> {
    this.#chain ??= inspectChain(this.connection.provider, { inProcess: this.#inProcess });
    return this.#chain;
  }

  #registryStorage(chain: ChainInfo): RegistryStorage {
    if (this.#inProcess && this.hre.config.migrations.inProcessRegistry === "memory") {
      return this.#memoryRegistry;
    }
    return new FileRegistryStorage(path.join(this.hre.config.migrations.registryDir, `${chain.chainId}.json`));
  }

  async #deployer(): Promise<Signer> {
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

  #artifacts(): ArtifactResolver {
    return {
      readArtifact: async (name) => (await this.hre.artifacts.readArtifact(name)) as unknown as ContractArtifact,
    };
  }

  #host(): MigrationHost<MigrationContext> {
    const { hre, connection } = this;
    return {
      networkName: connection.networkName,
      provider: connection.provider,
      inProcess: this.#inProcess,
      migrationsDir: hre.config.migrations.dir,
      artifacts: this.#artifacts(),
      getDeployer: () => this.#deployer(),
      getSigner: (address) => connection.ethers.getSigner(address),
      registryStorage: (chain) => this.#registryStorage(chain),
      importModule: importMigrationModule,
      extendContext: (core) => ({ ...core, hre, connection, ethers: connection.ethers }),
    };
  }

  #registryView(): RegistryView {
    const read = <T>(use: (registry: Registry) => T | Promise<T>) =>
      asPluginErrors(async () => {
        const chain = await this.#chainInfo();
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
