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
      readonly completed: number;
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
  /** A transaction left for the node (`replaces`: the hash it replaces at a higher fee). */
  | { readonly type: "tx-sent"; readonly migration: TransactionOwner; readonly step: number; readonly hash: string; readonly nonce: number; readonly replaces?: string }
  /** Still waiting for `hash` (not mined yet: `confirmations` 0), after the first check found nothing. */
  | {
      readonly type: "tx-waiting";
      readonly migration: TransactionOwner;
      readonly hash: string;
      readonly confirmations: number;
      readonly needed: number;
      readonly elapsedMs: number;
    }
  /** Mined (with the confirmations the policy asks for); `cost` = gasUsed × effectiveGasPrice, in wei. */
  | {
      readonly type: "tx-mined";
      readonly migration: TransactionOwner;
      readonly hash: string;
      readonly block: number;
      readonly status: number;
      readonly gasUsed: bigint;
      readonly effectiveGasPrice: bigint;
      readonly cost: bigint;
    };

/** The migration (or bookkeeping step, with a negative id) a transaction belongs to. */
export interface TransactionOwner {
  readonly id: number;
  readonly fileName: string;
}

export type MigrationEventListener = (event: MigrationEvent) => void;
