import { staleLabel } from "../archive.js";
import { MigrationsError, describeError } from "../errors.js";
import type { ChainInfo } from "../chain.js";
import {
  REGISTRY_FORMAT,
  registryShapeError,
  type DeploymentRecord,
  type MigratorRecord,
  type NetworkMigrationInfo,
  type RegistryDocument,
  type RegistryEntry,
  type VerificationRecord,
} from "./registry-document.js";
import { stableStringify } from "../json-file.js";
import { MemoryRegistryStorage } from "./memory-registry-storage.js";
import type { RegistryStorage } from "./registry-storage.js";

/** An opaque copy of the registry taken before a migration, restored when it is rolled back. */
export interface RegistryCheckpoint {
  readonly doc: RegistryDocument;
}

/** Read access to a chain's deployed-address registry. */
export interface RegistryReader {
  readonly chainId: number;
  /** The entry named `name`; throws UNKNOWN_DEPLOYMENT (listing what exists) when absent. */
  get(name: string): RegistryEntry;
  has(name: string): boolean;
  /** Every entry by name, sorted by name. */
  all(): Record<string, RegistryEntry>;
  readonly migrator: MigratorRecord | undefined;
}

/**
 * The deployed-address registry of one chain. Every change is saved before the method resolves,
 * so a crash right after a deployment loses nothing.
 */
export class Registry implements RegistryReader {
  #doc: RegistryDocument;

  private constructor(
    doc: RegistryDocument,
    readonly storage: RegistryStorage,
  ) {
    this.#doc = doc;
  }

  /**
   * Loads the registry of `chain` from `storage`, or starts an empty one. A document of another
   * chain is never used: a different chain id is an error; a different genesis is an error on
   * live chains, and on dev chains (restarted node) the old file is archived with a notice
   * (`readOnly`: left in place, and the registry reads as empty).
   */
  static async open(
    storage: RegistryStorage,
    chain: ChainInfo,
    options: { notice?: (message: string) => void; readOnly?: boolean } = {},
  ): Promise<Registry> {
    const notice = options.notice ?? (() => {});
    let raw: unknown;
    try {
      raw = await storage.load();
    } catch (error) {
      if (MigrationsError.is(error)) {
        throw error; // the file could not be read (it may be fine): say why, not "corrupt"
      }
      throw new MigrationsError("REGISTRY_CORRUPT", { file: storage.location, reason: describeError(error) }, { cause: error });
    }
    const fresh: RegistryDocument = {
      format: REGISTRY_FORMAT,
      chainId: chain.chainId,
      genesisHash: chain.genesisHash,
      contracts: {},
    };
    if (raw === undefined) {
      return new Registry(fresh, storage);
    }
    const shapeError = registryShapeError(raw);
    if (shapeError !== undefined) {
      throw new MigrationsError("REGISTRY_CORRUPT", { file: storage.location, reason: shapeError });
    }
    const doc = raw as RegistryDocument;
    if (doc.chainId !== chain.chainId) {
      throw new MigrationsError("REGISTRY_WRONG_CHAIN", { file: storage.location, fileChainId: doc.chainId, chainId: chain.chainId });
    }
    if (doc.genesisHash.toLowerCase() !== chain.genesisHash.toLowerCase()) {
      if (!chain.isDevChain) {
        throw new MigrationsError("REGISTRY_GENESIS_MISMATCH", {
          file: storage.location,
          chainId: chain.chainId,
          fileGenesis: doc.genesisHash,
          genesis: chain.genesisHash,
        });
      }
      const registry = new Registry(fresh, storage);
      if (options.readOnly === true) {
        return registry;
      }
      await registry.discard("the dev chain was restarted (its genesis block changed)", notice);
      return registry;
    }
    return new Registry(doc, storage);
  }

  /** A registry over `doc` kept in memory (e.g. a fixture's copy), without any checks. */
  static fromDocument(doc: RegistryDocument): Registry {
    return new Registry(structuredClone(doc), new MemoryRegistryStorage(doc));
  }

  get chainId(): number {
    return this.#doc.chainId;
  }

  get migrator(): MigratorRecord | undefined {
    return this.#doc.migrator;
  }

  get document(): RegistryDocument {
    return structuredClone(this.#doc);
  }

  get(name: string): RegistryEntry {
    const entry = this.#own(name);
    if (entry === undefined) {
      const known = Object.keys(this.#doc.contracts).sort();
      throw new MigrationsError("UNKNOWN_DEPLOYMENT", {
        name,
        chainId: this.chainId,
        known: known.length > 0 ? known.join(", ") : "(nothing yet)",
      });
    }
    return structuredClone(entry);
  }

  /** The entry recorded under `name` itself (never one inherited from Object.prototype). */
  #own(name: string): RegistryEntry | undefined {
    return Object.hasOwn(this.#doc.contracts, name) ? this.#doc.contracts[name] : undefined;
  }

  has(name: string): boolean {
    return Object.hasOwn(this.#doc.contracts, name);
  }

  all(): Record<string, RegistryEntry> {
    const sorted: Record<string, RegistryEntry> = {};
    for (const name of Object.keys(this.#doc.contracts).sort()) {
      sorted[name] = structuredClone(this.#own(name)!);
    }
    return sorted;
  }

  /** Records `record` under `name`; an earlier deployment under that name moves to its history. */
  async recordDeployment(name: string, record: DeploymentRecord): Promise<void> {
    assertRegistryName(name);
    const previous = this.#own(name);
    let entry: RegistryEntry = { ...record };
    if (
      previous !== undefined &&
      previous.address.toLowerCase() === record.address.toLowerCase() &&
      previous.transactionHash.toLowerCase() === record.transactionHash.toLowerCase()
    ) {
      // The same deployment again (a resumed migration reusing a mined transaction).
      entry = { ...record, ...(previous.history !== undefined ? { history: previous.history } : {}) };
    } else if (previous !== undefined) {
      const { history = [], ...current } = previous;
      entry = { ...record, history: [...history, current] };
    }
    await this.#replace({ ...this.#doc, contracts: { ...this.#doc.contracts, [name]: entry } });
  }

  /**
   * Undoes migration `id`'s deployments: each name it deployed returns to its previous deployment
   * (from the history), or leaves the registry when it had none.
   */
  async undoMigration(id: number): Promise<void> {
    const contracts: Record<string, RegistryEntry> = {};
    for (const [name, entry] of Object.entries(this.#doc.contracts)) {
      const history = (entry.history ?? []).filter((h) => h.migration !== id);
      if (entry.migration !== id) {
        const { history: _old, ...current } = entry;
        contracts[name] = history.length > 0 ? { ...current, history } : current;
        continue;
      }
      const previous = history.pop();
      if (previous !== undefined) {
        contracts[name] = history.length > 0 ? { ...previous, history } : previous;
      }
    }
    await this.#replace({ ...this.#doc, contracts });
  }

  /**
   * Records `explorer`'s verdict on the source of `address`: the entry `name` itself, or its
   * proxy's implementation. Nothing changes when `name` no longer points at `address`.
   */
  async recordVerification(name: string, address: string, explorer: string, record: VerificationRecord): Promise<void> {
    const entry = this.#doc.contracts[name];
    if (entry === undefined) {
      return;
    }
    let updated: RegistryEntry;
    if (entry.address.toLowerCase() === address.toLowerCase()) {
      updated = { ...entry, verification: { ...entry.verification, [explorer]: record } };
    } else if (entry.proxy !== undefined && entry.proxy.implementation.toLowerCase() === address.toLowerCase()) {
      const proxy = { ...entry.proxy, implementationVerification: { ...entry.proxy.implementationVerification, [explorer]: record } };
      updated = { ...entry, proxy };
    } else {
      return;
    }
    await this.#replace({ ...this.#doc, contracts: { ...this.#doc.contracts, [name]: updated } });
  }

  /** Records `explorer`'s verdict on the Migrator's source (`address` is the Migrator's) or its MigratorAdmin's. */
  async recordMigratorVerification(address: string, explorer: string, record: VerificationRecord): Promise<void> {
    const migrator = this.#doc.migrator;
    if (migrator === undefined) {
      return;
    }
    const lower = address.toLowerCase();
    let updated: MigratorRecord;
    if (migrator.address.toLowerCase() === lower) {
      updated = { ...migrator, verification: { ...migrator.verification, [explorer]: record } };
    } else if (migrator.admin?.toLowerCase() === lower) {
      updated = { ...migrator, adminVerification: { ...migrator.adminVerification, [explorer]: record } };
    } else {
      return;
    }
    await this.#replace({ ...this.#doc, migrator: updated });
  }

  get networkMigration(): NetworkMigrationInfo | undefined {
    return this.#doc.networkMigration;
  }

  /**
   * Takes over another chain's deployments (a network migration's bootstrap): its contracts and
   * Migrator, at the same addresses, under this chain's id and genesis.
   */
  async adopt(from: RegistryDocument, networkMigration: NetworkMigrationInfo): Promise<void> {
    await this.#replace({
      format: REGISTRY_FORMAT,
      chainId: this.#doc.chainId,
      genesisHash: this.#doc.genesisHash,
      contracts: structuredClone(from.contracts),
      ...(from.migrator !== undefined ? { migrator: { ...from.migrator } } : {}),
      networkMigration,
    });
  }

  async setNetworkMigration(networkMigration: NetworkMigrationInfo): Promise<void> {
    await this.#replace({ ...this.#doc, networkMigration });
  }

  async setMigrator(migrator: MigratorRecord): Promise<void> {
    await this.#replace({ ...this.#doc, migrator });
  }

  checkpoint(): RegistryCheckpoint {
    return { doc: structuredClone(this.#doc) };
  }

  /** Puts the registry back as it was at `checkpoint` (a rolled-back migration's entries go). */
  async restore(checkpoint: RegistryCheckpoint): Promise<void> {
    if (stableStringify(checkpoint.doc) === stableStringify(this.#doc)) {
      return; // nothing changed since: no write (which could fail, e.g. on a full disk, and hide why the run stopped)
    }
    await this.#replace(structuredClone(checkpoint.doc));
  }

  /**
   * Starts an empty registry for this chain: the stored one is archived, never deleted, and a
   * notice says why and where it went.
   */
  async discard(reason: string, notice: (message: string) => void): Promise<void> {
    const archived = await this.storage.archive(staleLabel());
    notice(
      `Starting a fresh registry for chain ${this.chainId}: ${reason}.` +
        (archived !== undefined ? ` The previous registry was kept as ${archived}.` : ""),
    );
    this.#doc = { format: REGISTRY_FORMAT, chainId: this.#doc.chainId, genesisHash: this.#doc.genesisHash, contracts: {} };
  }

  async #replace(doc: RegistryDocument): Promise<void> {
    await this.storage.save(doc);
    this.#doc = doc;
  }
}

/**
 * Refuses a name the registry cannot hold: `__proto__` (assigning it to a JavaScript object
 * changes the object's prototype instead of adding an entry). Other Object.prototype names
 * (`constructor`, `toString`, ...) are ordinary names.
 */
export function assertRegistryName(name: string): void {
  if (name === "__proto__") {
    throw new MigrationsError("RESERVED_CONTRACT_NAME", { name });
  }
}
