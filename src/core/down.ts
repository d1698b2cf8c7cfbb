import { MigrationsError, describeError } from "./errors.js";
import type { MigrationEventListener } from "./events.js";
import { executeMigration, loadMigration } from "./executor.js";
import { requireKnownId } from "./planner.js";
import { hostExecution } from "./host-execution.js";
import { openJournal, openSession, openStateStore, openTransactionLayer, withRunLock, type MigrationHost, type Session } from "./session.js";
import { refuseDecommissioned } from "./network-migration/decommissioned.js";
import { DevChainSnapshots } from "./snapshots.js";
import { bookkeepingKey, journaledStep, storeSender } from "./transactions/journaled-step.js";
import type { TransactionLayer } from "./transactions/migration-sender.js";
import type { MigrationRecord, MigrationStateStore } from "./stores/state-store.js";

export interface DownOptions {
  /** Undo this many of the most recently completed migrations (default 1). */
  readonly steps?: number;
  /** Undo every migration completed after this one (which stays). */
  readonly to?: number;
  readonly onEvent?: MigrationEventListener;
  /** Undo even on a network a cutover decommissioned (default: refuse, NETWORK_DECOMMISSIONED). */
  readonly allowDecommissioned?: boolean;
}

export interface UndoneMigration {
  readonly id: number;
  readonly fileName: string;
  /** `down`: its down(ctx) ran; `snapshot`: the dev chain was reverted to before it. */
  readonly how: "down" | "snapshot";
}

export interface DownResult {
  readonly network: { readonly name: string; readonly chainId: number };
  /** Most recent first. */
  readonly undone: readonly UndoneMigration[];
  readonly gasUsed: bigint;
}

/**
 * Undoes the most recently completed migrations, most recent first. When every one exports
 * `down(ctx)`, those run (any network) and each is unrecorded and its registry entries return to
 * their previous deployments. Otherwise, on a dev chain, the chain is reverted to the snapshot
 * taken before the earliest of them, if the node still has it. Anything else is refused.
 */
export async function migrateDown<ContextT>(host: MigrationHost<ContextT>, options: DownOptions = {}): Promise<DownResult> {
  return withRunLock(host, () => migrateDownLocked(host, options));
}

async function migrateDownLocked<ContextT>(host: MigrationHost<ContextT>, options: DownOptions): Promise<DownResult> {
  const emit: MigrationEventListener = options.onEvent ?? (() => {});
  const session = await openSession(host, emit);
  refuseDecommissioned(session, options.allowDecommissioned === true);
  const journal = await openJournal(host, session);
  const layer = openTransactionLayer(host, journal, { emit: session.emit });
  const { store, completed } = await openStateStore(host, session, { layer });
  if (!store.remembers || completed.size === 0) {
    throw !store.remembers
      ? new MigrationsError("STORE_KEEPS_NO_RECORD", { network: host.networkName })
      : new MigrationsError("NOTHING_TO_UNDO", { network: host.networkName, after: "" });
  }
  const finished = await finishInterruptedDowns(session, layer, completed);
  if (finished.length > 0) {
    // The interrupted `down` is what this command was asked again: it is done now.
    return { network: session.network, undone: finished, gasUsed: 0n };
  }
  const records = await store.records(completed);
  const targets = selectTargets(session, records, options);
  const fileName = (id: number) => session.migrations.find((m) => m.id === id)?.fileName ?? `${id} (file missing)`;

  const downs = await Promise.all(
    targets.map(async (record) => {
      const file = session.migrations.find((m) => m.id === record.id);
      return file === undefined ? undefined : loadMigration(file, (url) => host.scripts.importModule(url), "down");
    }),
  );
  if (downs.every((fn) => fn !== undefined)) {
    return undoWithDownFunctions(host, session, store, targets, layer);
  }
  const without = targets.filter((_, i) => downs[i] === undefined).map((r) => fileName(r.id));
  if (!session.chain.isDevChain) {
    throw new MigrationsError("MIGRATION_IRREVERSIBLE", {
      files: without.join(", "),
      network: host.networkName,
      reason: "they export no `down` function, and this network is not a dev chain, so it cannot be reverted.",
    });
  }
  return undoWithSnapshot(host, session, store, targets, without, layer);
}

function selectTargets(session: Session, records: readonly MigrationRecord[], options: DownOptions): MigrationRecord[] {
  if (options.to !== undefined) {
    const index = records.findIndex((r) => r.id === options.to);
    if (index === -1) {
      requireKnownId(session.migrations, options.to);
      throw new MigrationsError("DOWN_TARGET_NOT_COMPLETED", { id: options.to, network: session.network.name });
    }
    const after = records.slice(index + 1).reverse();
    if (after.length === 0) {
      throw new MigrationsError("NOTHING_TO_UNDO", { network: session.network.name, after: `after ${options.to} ` });
    }
    return after;
  }
  const steps = options.steps ?? 1;
  if (!Number.isSafeInteger(steps) || steps < 1) {
    throw new MigrationsError("INVALID_OPTION", { option: "--steps", reason: `expected a positive integer, got ${steps}.` });
  }
  return records.slice(-steps).reverse();
}

async function undoWithDownFunctions<ContextT>(
  host: MigrationHost<ContextT>,
  session: Session,
  store: MigrationStateStore,
  targets: readonly MigrationRecord[],
  layer: TransactionLayer,
): Promise<DownResult> {
  const snapshots = session.chain.isDevChain ? new DevChainSnapshots(host.provider) : undefined;
  const undone: UndoneMigration[] = [];
  let gasUsed = 0n;
  for (const record of targets) {
    const migration = session.migrations.find((m) => m.id === record.id)!;
    const checkpoint = session.registry.checkpoint();
    const snapshot = await snapshots?.take();
    session.emit({ type: "migration-started", migration });
    const key = bookkeepingKey(migration.id);
    try {
      // One journaled unit: the down() script's transactions, the unrecord, the registry undo.
      // Killed part-way, `down` again resumes it without sending anything twice.
      await journaledStep(layer, key, `${migration.fileName} (down)`, async (sender) => {
        const deployer = await session.deployer();
        const run = await executeMigration({ ...hostExecution(host, session), migration, entry: "down", deployer, sender });
        const receipt = await (store.connect?.(storeSender(sender, deployer)) ?? store).unrecord(migration.id);
        await session.registry.restore(checkpoint);
        await session.registry.undoMigration(migration.id);
        gasUsed += run.gasUsed + (receipt.gasUsed ?? 0n);
      });
    } catch (error) {
      const rolledBack = snapshot !== undefined && (await snapshots!.revert(snapshot));
      if (rolledBack) {
        await session.registry.restore(checkpoint);
        await layer.journal?.append({ type: "migration-rolled-back", migration: key });
      }
      session.emit({ type: "migration-failed", migration, error, rolledBack });
      throw new MigrationsError(
        "MIGRATION_FAILED",
        {
          file: `${migration.fileName} (down)`,
          reason: describeError(error),
          outcome: rolledBack ? "Rolled back: the chain and the registry are as they were before it; it is still recorded." : "It is still recorded as completed.",
        },
        { cause: error },
      );
    }
    undone.push({ id: migration.id, fileName: migration.fileName, how: "down" });
    session.emit({ type: "migration-undone", migration, how: "down" });
  }
  return { network: session.network, undone, gasUsed };
}

async function undoWithSnapshot<ContextT>(
  host: MigrationHost<ContextT>,
  session: Session,
  store: MigrationStateStore,
  targets: readonly MigrationRecord[],
  without: readonly string[],
  layer: TransactionLayer,
): Promise<DownResult> {
  const journal = host.workspace.snapshots;
  const snapshots = (await journal?.load()) ?? new Map<number, string>();
  const earliest = targets[targets.length - 1]!;
  const snapshot = snapshots.get(earliest.id);
  const refuse = (reason: string) =>
    new MigrationsError("MIGRATION_IRREVERSIBLE", { files: without.join(", "), network: session.network.name, reason });
  if (snapshot === undefined) {
    throw refuse("they export no `down` function, and no snapshot from before them is known (they ran before this node started, or on another machine).");
  }
  if (!(await new DevChainSnapshots(host.provider).revert(snapshot))) {
    throw refuse("they export no `down` function, and the node no longer has the snapshot taken before them (it was restarted, or reverted further back).");
  }
  for (const record of targets) {
    snapshots.delete(record.id);
  }
  await journal!.save(snapshots);
  const stillRecorded = await store.completed();
  const undone: UndoneMigration[] = [];
  for (const record of targets) {
    const migration = session.migrations.find((m) => m.id === record.id) ?? { id: record.id, fileName: `${record.id}` };
    await journaledStep(layer, bookkeepingKey(record.id), `${migration.fileName} (down)`, async (sender) => {
      if (stillRecorded.has(record.id)) {
        await (store.connect?.(storeSender(sender, await session.deployer())) ?? store).unrecord(record.id);
      }
      await session.registry.undoMigration(record.id);
    });
    undone.push({ id: record.id, fileName: migration.fileName, how: "snapshot" });
    session.emit({ type: "migration-undone", migration, how: "snapshot" });
  }
  return { network: session.network, undone, gasUsed: 0n };
}

/**
 * A `down` killed after its unrecord was mined but before it was journaled as done: the record
 * says the migration is no longer completed, so this run would move on to the one before it.
 * Finish it instead (its registry entries return to their previous deployments), and stop there.
 */
async function finishInterruptedDowns(session: Session, layer: TransactionLayer, completed: ReadonlySet<number>): Promise<UndoneMigration[]> {
  const finished: UndoneMigration[] = [];
  for (const [key, attempt] of layer.journal?.interrupted() ?? []) {
    const id = -key;
    if (key < 0 && attempt.file.endsWith(" (down)") && !completed.has(id)) {
      await session.registry.undoMigration(id);
      await layer.journal!.append({ type: "migration-completed", migration: key });
      const fileName = attempt.file.replace(/ \(down\)$/, "");
      session.emit({ type: "notice", message: `Finished the interrupted undo of ${fileName}: it was unrecorded before the run stopped.` });
      finished.push({ id, fileName, how: "down" });
    }
  }
  return finished;
}
