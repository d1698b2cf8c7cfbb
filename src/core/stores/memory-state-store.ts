import { MigrationsError } from "../errors.js";
import type { MigrationStateStore, StoreReceipt } from "./state-store.js";

/** A record kept in memory: for tests and for embedding the engine. */
export class MemoryStateStore implements MigrationStateStore {
  readonly description = "memory";
  readonly #hashes = new Map<number, string>();

  async completed(): Promise<Set<number>> {
    return new Set(this.#hashes.keys());
  }

  /** The content hash recorded with `id`. */
  contentHash(id: number): string | undefined {
    return this.#hashes.get(id);
  }

  async record(id: number, contentHash: string): Promise<StoreReceipt> {
    if (this.#hashes.has(id)) {
      throw new MigrationsError("MIGRATION_ALREADY_RECORDED", { id, store: this.description });
    }
    this.#hashes.set(id, contentHash);
    return {};
  }

  async unrecord(id: number): Promise<StoreReceipt> {
    if (!this.#hashes.delete(id)) {
      throw new Error(`Migration ${id} is not recorded in ${this.description}.`);
    }
    return {};
  }
}
