import { MigrationsError } from "../errors.js";
import type { MigrationRecord, MigrationStateStore, StoreReceipt } from "./state-store.js";

/** A record kept in memory: for tests and for embedding the engine. */
export class MemoryStateStore implements MigrationStateStore {
  readonly kind = "memory";
  readonly description = "memory";
  readonly remembers = true;
  readonly #records = new Map<number, MigrationRecord>();

  async completed(): Promise<Set<number>> {
    return new Set(this.#records.keys());
  }

  async records(): Promise<MigrationRecord[]> {
    return [...this.#records.values()];
  }

  async record(id: number, contentHash: string): Promise<StoreReceipt> {
    if (this.#records.has(id)) {
      throw new MigrationsError("MIGRATION_ALREADY_RECORDED", { id, store: this.description });
    }
    this.#records.set(id, { id, contentHash, recordedAt: new Date().toISOString() });
    return {};
  }

  async unrecord(id: number): Promise<StoreReceipt> {
    if (!this.#records.delete(id)) {
      throw new MigrationsError("MIGRATION_NOT_RECORDED", { id, store: this.description });
    }
    return {};
  }
}
