import type { MigrationEventListener } from "./events.js";
import type { PlanOptions } from "./planner.js";

export interface MigrateOptions extends PlanOptions {
  /** Revert a failed migration on chains with `evm_snapshot` (default true). */
  readonly rollback?: boolean;
  /** Print the plan and send nothing. */
  readonly dryRun?: boolean;
  /** Start from a clean record: every migration runs again. */
  readonly reset?: boolean;
  /** Required for `reset` on networks that are not dev chains. */
  readonly confirmReset?: boolean;
  /**
   * Asked once before the first transaction on a network that is not a dev chain, with what the
   * run would do; resolving false stops the run before anything is sent. Absent: no question.
   */
  readonly confirm?: (request: ConfirmationRequest) => Promise<boolean>;
  readonly onEvent?: MigrationEventListener;
  /** Called once before the first pending migration runs, only when one will (the task builds here). */
  readonly beforeSend?: () => Promise<void>;
}

/** What a run on a network that is not a dev chain asks confirmation for. */
export interface ConfirmationRequest {
  readonly network: string;
  readonly chainId: number;
  /** e.g. "deploy a Migrator, then run 2 migration(s) (1_a.ts, 2_b.ts) on sepolia". */
  readonly what: string;
}
