import type { MigrationFile } from "./migration-file.js";
import type { DeploymentResult, MigrateResult, MigrationRunResult } from "./results.js";

/**
 * What the engine reports while it runs, in order. Output, logging and (later) journals attach
 * here instead of living in the engine.
 */
export type MigrationEvent =
  | { readonly type: "notice"; readonly message: string }
  | {
      readonly type: "plan";
      readonly network: { readonly name: string; readonly chainId: number };
      readonly pending: readonly MigrationFile[];
      /** Completed migrations whose file exists. */
      readonly completed: number;
      /** Completed migrations whose file is gone (`status` shows them as "missing file"). */
      readonly missingFiles?: number;
      readonly store: string;
      readonly dryRun?: boolean;
    }
  | { readonly type: "migrator-deployed"; readonly address: string; readonly gasUsed: bigint }
  | { readonly type: "migration-started"; readonly migration: MigrationFile }
  | { readonly type: "deployment"; readonly migration: MigrationFile; readonly deployment: DeploymentResult }
  | { readonly type: "log"; readonly migration: MigrationFile; readonly message: string }
  | { readonly type: "migration-completed"; readonly migration: MigrationFile; readonly result: MigrationRunResult }
  | {
      readonly type: "migration-failed";
      readonly migration: MigrationFile;
      readonly error: unknown;
      readonly rolledBack: boolean;
    }
  | { readonly type: "migration-undone"; readonly migration: MigrationFile | { readonly id: number; readonly fileName: string }; readonly how: "down" | "snapshot" }
  | { readonly type: "finished"; readonly result: MigrateResult }
  | TransactionEvent
  | {
      /** The deployer's balance (networks that are not dev chains, and dry runs): before the first transaction and after the run. */
      readonly type: "account";
      readonly when: "before" | "after";
      readonly address: string;
      readonly balance: bigint;
      /** The network's gas price now (wei), when asked (before a run). */
      readonly gasPrice?: bigint;
    };

/**
 * What the sender reports about each transaction: `tx-sent` as soon as the node accepted it (its
 * journal line is on disk first), `tx-waiting` while it is not mined or not confirmed yet (at
 * most about once a second, never on chains that mine on send), `tx-mined` once it counts.
 */
export type TransactionEvent =
  | {
      readonly type: "tx-sent";
      /** The migration that sent it (id 0: the Migrator's deployment). */
      readonly migration: { readonly id: number; readonly fileName: string };
      readonly hash: string;
      readonly nonce: number;
      readonly from: string;
      /** `null` for a contract creation. */
      readonly to: string | null;
      /** "create", "call" or "record" (the migration's record in the Migrator). */
      readonly label: "create" | "call" | "record";
      /** Found on chain from an interrupted run instead of being sent. */
      readonly reused?: boolean;
      /** The hash this one replaces with a higher fee (fee bump). */
      readonly replaces?: string;
    }
  | {
      readonly type: "tx-waiting";
      readonly hash: string;
      readonly elapsedMs: number;
      /** Blocks mined since it was sent. */
      readonly blocks: number;
      /** Blocks that include and build on it so far (0 until mined). */
      readonly confirmations: number;
      readonly required: number;
    }
  | {
      readonly type: "tx-mined";
      readonly hash: string;
      readonly blockNumber: number;
      readonly gasUsed: bigint;
      /** Wei per gas actually paid. */
      readonly effectiveGasPrice: bigint;
      /** gasUsed × effectiveGasPrice, in wei. */
      readonly cost: bigint;
    };

export type MigrationEventListener = (event: MigrationEvent) => void;
