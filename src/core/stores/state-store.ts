/** What recording (or unrecording) a migration cost, when it cost anything. */
export interface StoreReceipt {
  readonly transactionHash?: string;
  readonly blockNumber?: number;
  readonly gasUsed?: bigint;
}

/**
 * Where the engine keeps which migrations completed on a network.
 *
 * Every implementation MUST:
 * - return from `completed()` every id whose `record()` resolved, and none whose `unrecord()`
 *   resolved since;
 * - resolve `record()` only once the record is durable (mined, or written to disk);
 * - reject `record()` of an id that is already recorded with MIGRATION_ALREADY_RECORDED, checked
 *   atomically by the medium where it can be (the Migrator contract does), so that of two
 *   concurrent runners only one completes a migration;
 * - reject `unrecord()` of an id that is not recorded.
 * The shared conformance suite (test/core/stores/state-store-conformance.ts) checks these.
 */
export interface MigrationStateStore {
  /** Shown to users, e.g. "Migrator 0x1234…" or "memory". */
  readonly description: string;
  completed(): Promise<Set<number>>;
  record(id: number, contentHash: string): Promise<StoreReceipt>;
  unrecord(id: number): Promise<StoreReceipt>;
}
