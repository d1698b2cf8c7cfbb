import { MigrationsError, describeError } from "./errors.js";
import { executeMigration } from "./executor.js";
import type { InterruptedMigration } from "./journal/journal.js";
import type { OpenRun } from "./migrate-run.js";
import type { MigrationFile } from "./migration-file.js";
import type { MigrateResult, MigrationRunResult } from "./results.js";
import type { MigrationHost, Session } from "./session.js";
import { DevChainSnapshots } from "./snapshots.js";
import type { SnapshotJournal } from "./snapshot-journal.js";
import { storeSender } from "./transactions/journaled-step.js";
import { MigrationSender } from "./transactions/migration-sender.js";
import { MigrationRunError } from "./migration-run-error.js";
import { hostExecution } from "./host-execution.js";
import { forgetProposals } from "./safe/migration-safe.js";
import { awaitingApprovalNotice } from "./safe/safe-status.js";

/**
 * Dev chains: the snapshot taken before each migration, to roll a failure back (`rollback`) and
 * to remember for `down` (in the workspace's snapshot journal).
 */
export class RollbackPoints {
  readonly snapshots: DevChainSnapshots | undefined;
  readonly #journal: SnapshotJournal | undefined;
  #remembered = new Map<number, string>();
  #warned = false;

  constructor(
    host: MigrationHost<unknown>,
    private readonly session: Session,
    readonly rollback: boolean,
  ) {
    const dev = session.chain.isDevChain;
    this.snapshots = dev ? new DevChainSnapshots(host.provider) : undefined;
    this.#journal = dev ? host.workspace.snapshots : undefined;
  }

  async load(): Promise<void> {
    this.#remembered = (await this.#journal?.load()) ?? new Map();
  }

  /** A snapshot before the next migration, when one is needed and the chain supports it. */
  async take(): Promise<string | undefined> {
    const snapshot = this.rollback || this.#journal !== undefined ? await this.snapshots?.take() : undefined;
    if (this.snapshots !== undefined && !this.snapshots.supported && !this.#warned) {
      this.session.emit({ type: "notice", message: `${this.session.network.name} does not support evm_snapshot: a failed migration cannot be rolled back.` });
    }
    this.#warned = true;
    return snapshot;
  }

  /** Remembers the snapshot taken before a completed migration, for `down`. */
  async remember(id: number, snapshot: string | undefined): Promise<void> {
    if (this.#journal !== undefined && snapshot !== undefined) {
      this.#remembered.set(id, snapshot);
      await this.#journal.save(this.#remembered);
    }
  }
}

/**
 * Runs one pending migration: journal its start, execute it through the run's journaled sender,
 * record it in the store, journal its end. On failure, rolls it back where the chain allows and
 * throws MIGRATION_FAILED (carrying `result()` and `rolledBack`).
 */
export async function runMigration<ContextT>(
  host: MigrationHost<ContextT>,
  session: Session,
  run: OpenRun,
  points: RollbackPoints,
  migration: MigrationFile,
  result: () => MigrateResult,
  /** How long the migration may take (ms; 0 or undefined: no limit). */
  timeoutMs?: number,
): Promise<MigrationRunResult> {
  const { store, journal } = run;
  const checkpoint = session.registry.checkpoint();
  const snapshot = await points.take();
  const attempt = run.interrupted.get(migration.id);
  if (attempt !== undefined) {
    const awaiting = await awaitingApprovalNotice(host.workspace.safeProposals, migration.id, migration.fileName);
    session.emit({ type: "notice", message: awaiting ?? resumeNotice(migration, attempt) });
  }
  session.emit({ type: "migration-started", migration });
  try {
    if (!session.chain.isDevChain && store.kind === "chain" && (await store.completed()).has(migration.id)) {
      // Another runner (another machine) completed it since this run read the record.
      throw new MigrationsError("MIGRATION_ALREADY_RECORDED", { id: migration.id, store: store.description });
    }
    await journal?.migrationStarted(migration.id, migration.fileName, migration.contentHash);
    const sender = new MigrationSender(run.layer, migration, attempt);
    const deployer = await session.deployer();
    const executed = await executeMigration({
      ...hostExecution(host, session),
      migration,
      deployer,
      accounts: async () => (await host.provider.request({ method: "eth_accounts" })) as string[],
      ...(host.settings.deploySalt !== undefined ? { defaultSalt: host.settings.deploySalt } : {}),
      sender,
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      safeProposals: host.workspace.safeProposals,
    });
    const recordStore = store.connect?.(storeSender(sender, deployer)) ?? store;
    const receipt = await recordStore.record(migration.id, migration.contentHash);
    await journal?.append({ type: "migration-completed", migration: migration.id });
    await points.remember(migration.id, snapshot);
    await forgetProposals(host.workspace.safeProposals, migration.id);
    const completed: MigrationRunResult = { ...executed, recordGasUsed: receipt.gasUsed ?? 0n };
    session.emit({ type: "migration-completed", migration, result: completed });
    return completed;
  } catch (error) {
    if (MigrationsError.is(error, "SAFE_AWAITING_APPROVAL")) {
      // Not a failure: nothing is rolled back (the proposal may depend on what the migration sent
      // before it) and the journal keeps it started, so the next run replays what it sent.
      throw new MigrationRunError(error.code, error.args, { result: result(), rolledBack: false });
    }
    throw await failMigration(host, session, run, points, migration, { error, snapshot, checkpoint, attempt, result });
  }
}

/** Rolls a failed migration back where possible, journals the outcome, and builds the error to throw. */
async function failMigration<ContextT>(
  host: MigrationHost<ContextT>,
  session: Session,
  run: OpenRun,
  points: RollbackPoints,
  migration: MigrationFile,
  failed: {
    error: unknown;
    snapshot: string | undefined;
    checkpoint: ReturnType<Session["registry"]["checkpoint"]>;
    attempt: InterruptedMigration | undefined;
    result: () => MigrateResult;
  },
): Promise<MigrationsError> {
  const { error, snapshot, attempt } = failed;
  let rolledBack = false;
  let outcome: string;
  if (snapshot !== undefined && points.rollback) {
    rolledBack = await points.snapshots!.revert(snapshot);
    await session.registry.restore(failed.checkpoint);
    outcome = rolledBack
      ? attempt === undefined
        ? "Rolled back: the chain and the registry are as they were before it, and it is not recorded."
        : "Rolled back to where this run resumed it: what the interrupted run had sent stays on chain and in the journal, and `npx hardhat migrate` resumes it again."
      : "The node no longer had the snapshot taken before it, so its transactions stay on chain; its registry entries were discarded and it is not recorded.";
  } else if (session.chain.isDevChain && !points.rollback) {
    outcome = "Not rolled back (--no-rollback): its partial state and registry entries are kept for debugging; it is not recorded.";
  } else {
    outcome = `${host.networkName} cannot be rolled back: the transactions it sent stay on chain and its deployments stay in the registry; it is not recorded as complete. Run \`npx hardhat migrate\` again to resume it: what it already sent is not sent twice.`;
  }
  if (run.journal !== undefined) {
    await run.journal.append(
      rolledBack && attempt === undefined
        ? { type: "migration-rolled-back", migration: migration.id }
        : { type: "migration-failed", migration: migration.id, reason: describeError(error) },
    );
  }
  session.emit({ type: "migration-failed", migration, error, rolledBack });
  const failure = { result: failed.result(), rolledBack, cause: error };
  // The plugin's own error, also when a contract library wrapped it (viem wraps what its
  // transport, the tracked provider, threw, in errors of its own: the plugin's is their cause).
  const typed = ownError(error);
  // A refusal that stopped the run keeps its code; anything else is this migration's failure.
  if (MigrationsError.is(typed, "MIGRATION_ALREADY_RECORDED")) {
    return new MigrationRunError(typed.code, typed.args, failure);
  }
  if (MigrationsError.is(typed, "JOURNAL_DIVERGED")) {
    return new MigrationRunError(typed.code, typed.args, failure);
  }
  return new MigrationRunError(
    "MIGRATION_FAILED",
    // A typed error's hint says how to fix it: keep it (the outer hint is generic).
    { file: migration.fileName, reason: typed !== undefined ? `${typed.message}\n${typed.hint}` : describeError(error), outcome },
    failure,
  );
}

/** `error` if it is a MigrationsError, else the first one in its chain of causes. */
function ownError(error: unknown): MigrationsError | undefined {
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
    if (MigrationsError.is(current)) {
      return current;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function resumeNotice(migration: MigrationFile, attempt: InterruptedMigration): string {
  const steps = attempt.steps.size;
  return (
    `Resuming ${migration.fileName}, interrupted after it started at ${attempt.startedAt}` +
    (attempt.failure !== undefined ? ` (it failed: ${attempt.failure})` : "") +
    `: ${steps} transaction(s) it sent are looked up on chain and not sent again.` +
    (attempt.contentHash.toLowerCase() !== migration.contentHash.toLowerCase()
      ? " The file changed since: it must still send the same transactions, in the same order, up to where it stopped."
      : "")
  );
}
