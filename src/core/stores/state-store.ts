import type { ChainInfo } from "../chain.js";
import type { MigrationEventListener } from "../events.js";
import type { MinedReceipt } from "../mined-receipt.js";
import type { Registry } from "../registry/registry.js";
import type { SendingAccount } from "../transactions/sending-account.js";
import type { TransactionLayer } from "../transactions/migration-sender.js";

/** What recording (or unrecording) a migration cost, when it cost anything. */
export interface StoreReceipt {
  readonly transactionHash?: string;
  readonly blockNumber?: number;
  readonly gasUsed?: bigint;
}

/** One completed migration as a store knows it. */
export interface MigrationRecord {
  readonly id: number;
  /** keccak256 of the script when it ran (absent when the medium does not keep it). */
  readonly contentHash?: string;
  /** The transaction that recorded it (on-chain stores). */
  readonly transactionHash?: string;
  /** The block that recorded it (on-chain) or the chain's head when it was recorded (file). */
  readonly blockNumber?: number;
  /** ISO time it was recorded (file store). */
  readonly recordedAt?: string;
}

export type StateStoreKind = "chain" | "file" | "none" | "memory";

/** What one run (migrate, status, down, an import…) gives the store it opens. */
export interface StateStoreRun {
  readonly networkName: string;
  readonly chain: ChainInfo;
  /** The run's registry (the Migrator store finds and records its contract there). */
  readonly registry: Registry;
  /**
   * The configured deployer, resolved on first use (the signer the store's bookkeeping sender,
   * transactions/journaled-step `storeSender`, sends from).
   */
  deployer(): Promise<SendingAccount>;
  /** status, dry runs, snapshots: read only, never deploy or write. */
  readonly readOnly: boolean;
  readonly emit: MigrationEventListener;
  /** The run's journaled transaction layer, when it sends: a store's own deployment goes through it. */
  readonly layer?: TransactionLayer;
}

/**
 * Where the engine keeps which migrations completed on a network.
 *
 * Every implementation whose `remembers` is true MUST:
 * - return from `completed()` and `records()` every id whose `record()` resolved, and none whose
 *   `unrecord()` resolved since; `records()` in the order they were recorded;
 * - resolve `record()` only once the record is durable (mined, or written to disk);
 * - reject `record()` of an id that is already recorded with MIGRATION_ALREADY_RECORDED, checked
 *   atomically by the medium where it can be (the Migrator contract does), so that of two
 *   concurrent runners only one completes a migration;
 * - reject `unrecord()` of an id that is not recorded.
 * A store that does not remember (`"none"`) reports nothing and accepts every record.
 * The shared conformance suite (test/core/stores/state-store-conformance.ts) checks these.
 */
export interface MigrationStateStore {
  readonly kind: StateStoreKind;
  /** Shown to users, e.g. "Migrator 0x1234…" or "file deployments/1.migrations.json". */
  readonly description: string;
  readonly remembers: boolean;
  completed(): Promise<Set<number>>;
  /** `completed`: the set the caller just read, which a store may use to save a read. */
  records(completed?: ReadonlySet<number>): Promise<MigrationRecord[]>;
  record(id: number, contentHash: string): Promise<StoreReceipt>;
  /**
   * On-chain stores: the same store, sending its transactions through `sender` (the plugin's one
   * transaction path: journaled, nonce-managed, waited for with the run's policy). Without it an
   * on-chain store cannot send.
   */
  connect?(sender: StoreSender): MigrationStateStore;
  unrecord(id: number): Promise<StoreReceipt>;
  /**
   * Called by the engine once per run, before anything else, when present; resolves the completed
   * set (as `completed()` would). A store whose medium is on chain finds it here.
   */
  open?(run: StateStoreRun): Promise<Set<number>>;
  /**
   * True while the store's medium does not exist yet (the Migrator before its deployment): it is
   * created by `prepare()`, or lazily by the first `record()`. Absent: the store is always ready.
   */
  readonly undeployed?: boolean;
  /**
   * Creates the medium now if it does not exist yet (the engine calls it before the first pending
   * migration, so that the Migrator is deployed before the migrations' own transactions).
   * Resolves what that cost, or undefined when there was nothing to create.
   */
  prepare?(): Promise<{ readonly address: string; readonly gasUsed: bigint } | undefined>;
  /** `--reset`: starts a clean record (a new Migrator). Absent: the engine unrecords every id. */
  reset?(): Promise<void>;
}

/**
 * How an on-chain store sends: one transaction from `from` (the store's owner), resolved once it
 * is mined. `to: null` deploys `data`. The plugin's transaction path implements it.
 */
export interface StoreSender {
  readonly from: string;
  send(request: { readonly to: string | null; readonly data: string }): Promise<MinedReceipt>;
  /**
   * Whether the next send replays a step an interrupted run journaled with this payload (see
   * `MigrationSender.replaysNext`): a CREATE2 deployment then goes through `send`, which finds the
   * journaled transaction, even though its contract is already on chain.
   */
  replaysNext?(request: { readonly to: string | null; readonly data: string }): boolean;
}
