import { openStateStore, type MigrationHost, type Session } from "../session.js";

/**
 * Records every migration file whose id is at most `lastCompleted` as completed, without running
 * it (deploying the Migrator first when the chain has none). Returns the ids it recorded; ids
 * already recorded are left alone.
 */
export async function recordCompletedUpTo<ContextT>(host: MigrationHost<ContextT>, session: Session, lastCompleted: number): Promise<number[]> {
  const { store, completed } = await openStateStore(host, session);
  const toRecord = session.migrations.filter((m) => m.id <= lastCompleted && !completed.has(m.id));
  for (const migration of toRecord) {
    // The Migrator store deploys its contract on the first record when the chain has none.
    await store.record(migration.id, migration.contentHash);
  }
  return toRecord.map((m) => m.id);
}
