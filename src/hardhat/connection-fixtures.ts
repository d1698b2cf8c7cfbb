import { createMigrationRegistry } from "../core/migration-registry.js";
import { FixtureCache } from "../core/fixture-cache.js";
import { MemoryJournalStorage } from "../core/journal/journal-storage.js";
import { migrate } from "../core/migrate.js";
import { parseMigrationId } from "../core/planner.js";
import { MemoryRegistryStorage } from "../core/registry/memory-registry-storage.js";
import { Registry } from "../core/registry/registry.js";
import type { RegistryDocument } from "../core/registry/registry-document.js";
import type { MigrateResult } from "../core/results.js";
import type { ArtifactResolver } from "../core/artifacts.js";
import type { FixtureOptions, MigrationsFixture } from "../types.js";
import { cachedArtifactResolver } from "./cached-artifacts.js";
import type { ConnectionHost } from "./connection-host.js";

/**
 * `migrations.fixture()`: migrates once per target, snapshots the chain, and reverts to that
 * snapshot on every later call. Fixtures keep their registry in memory, starting from the
 * network's: they never write the network's files, journal or lock.
 */
export class ConnectionFixtures {
  #cache: FixtureCache<{ result: MigrateResult; doc: RegistryDocument }> | undefined;
  #registry: { storage: MemoryRegistryStorage; base: unknown } | undefined;
  /** Artifacts read by fixtures' registries: once per connection, as fixtures are themselves cached. */
  #artifacts: ArtifactResolver | undefined;

  constructor(private readonly host: ConnectionHost) {}

  async load(options: FixtureOptions = {}): Promise<MigrationsFixture> {
    const { hre, connection } = this.host;
    const to = options.to === undefined ? undefined : parseMigrationId("to", options.to);
    this.#cache ??= new FixtureCache(connection.provider, connection.networkName, () => this.#resetRegistry());
    const { result, doc } = await this.#cache.load(
      JSON.stringify({ to }),
      async () => {
        const { storage } = this.#registry!;
        const host = await this.host.host();
        const result = await migrate(
          { ...host, workspace: { ...host.workspace, registry: storage, journal: new MemoryJournalStorage(), lockFile: undefined } },
          { ...(to !== undefined ? { to } : {}), rollback: hre.config.migrations.rollback },
        );
        return { result, doc: (await Registry.open(storage, await this.host.chain())).document };
      },
      async (value) => this.#registry!.storage.save(value.doc),
    );
    const registry = createMigrationRegistry(Registry.fromDocument(doc), (this.#artifacts ??= cachedArtifactResolver(hre.artifacts)));
    // Its contracts in the project's library's objects, sending from the deployer.
    return {
      result,
      registry: {
        ...registry,
        contract: async (name: string) => {
          const { address, abi } = await registry.contract(name);
          return (await this.host.contract(address, abi)) as never;
        },
      },
    };
  }

  /** Before a fixture migrates from scratch: its registry goes back to the network's. */
  async #resetRegistry(): Promise<void> {
    if (this.#registry === undefined) {
      const base = await this.host.workspace(await this.host.chain()).registry.load();
      this.#registry = { storage: new MemoryRegistryStorage(base), base };
    } else if (this.#registry.base !== undefined) {
      await this.#registry.storage.save(this.#registry.base as RegistryDocument);
    } else {
      await this.#registry.storage.archive();
    }
  }
}
