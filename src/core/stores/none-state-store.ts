import type { MigrationRecord, MigrationStateStore, StoreReceipt } from "./state-store.js";

/**
 * No record at all (TIP #1's behaviour when no Migrator exists): every migration runs on every
 * `migrate`, and nothing is stored. For throw-away chains and for teams that keep no state.
 */
export class NoneStateStore implements MigrationStateStore {
  readonly kind = "none";
  readonly description = "none (nothing is recorded: every migration runs each time)";
  readonly remembers = false;

  async completed(): Promise<Set<number>> {
    return new Set();
  }

  async records(): Promise<MigrationRecord[]> {
    return [];
  }

  async record(): Promise<StoreReceipt> {
    return {};
  }

  async unrecord(): Promise<StoreReceipt> {
    return {};
  }
}
