import type { MigrationEventListener } from "./events.js";
import type { MigrationFile } from "./migration-file.js";
import type { PlanOptions } from "./planner.js";
import type { Registry } from "./registry/registry.js";

export interface MigrateOptions extends PlanOptions {
  /** Roll back a failed migration on chains with `evm_snapshot` (default: `migrations.rollback`, true). */
  readonly rollback?: boolean;
  /** Milliseconds one migration may take (0: no limit; default `defaultMigrationTimeoutMs`). */
  readonly migrationTimeoutMs?: number;
  /** Plan only: report what would run, send nothing. */
  readonly dryRun?: boolean;
  /**
   * Run only the pending migrations that export one of these tags (`export const tags = [...]`);
   * the others are skipped (not recorded) and run when a later run selects them.
   */
  readonly tags?: readonly string[];
  /** Start from a clean record: every migration runs again. */
  readonly reset?: boolean;
  /** Confirms `reset` on a network that is not a dev chain. */
  readonly confirmReset?: boolean;
  /**
   * Asked once, before the first transaction, on networks that are not dev chains, with what the
   * run would do; resolve false to stop before anything is sent. The CLI asks in the terminal
   * (or needs --yes); from code, leave it out to run without asking.
   */
  readonly confirm?: (request: ConfirmationRequest) => Promise<boolean>;
  /** Receives progress events (the task prints them). */
  readonly onEvent?: MigrationEventListener;
  /**
   * Called once before the first pending migration runs, and only when one will: the `migrate`
   * task builds the contracts here, so a run with nothing to do (or a dry run) compiles nothing.
   */
  readonly beforeSend?: () => Promise<void>;
  /** Aborted (Ctrl-C): nothing more is sent, the run stops with INTERRUPTED (resumable). */
  readonly signal?: AbortSignal;
  /** Run even though a cutover decommissioned this network (default: refuse, NETWORK_DECOMMISSIONED). */
  readonly allowDecommissioned?: boolean;
  /**
   * Called after each migration is recorded, with the run's registry (the adapter keeps the
   * compiler inputs of its deployments and, with `--verify`, verifies them here).
   */
  readonly afterMigration?: (migration: MigrationFile, registry: Registry) => Promise<void>;
}

/** What a run on a network that is not a dev chain asks confirmation for. */
export interface ConfirmationRequest {
  readonly network: string;
  readonly chainId: number;
  /** e.g. "deploy a Migrator, then run 2 migration(s) (1_a.ts, 2_b.ts) on sepolia". */
  readonly what: string;
}
