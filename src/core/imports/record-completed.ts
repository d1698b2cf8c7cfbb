import { deployMigrator, openStateStore, type MigrationHost, type Session } from "../session.js";

/**
 * Records every migration file whose id is at most `lastCompleted` as completed, without running
 * it (deploying the Migrator first when the chain has none). Returns the ids it recorded; ids
 * already recorded are left alone.
 */
export async function recordCompletedUpTo<ContextT>(host: MigrationHost<ContextT>, session: Session, lastCompleted: number): Promise<number[]> {
  let { store, completed } = await openStateStore(host, session);
  const toRecord = session.migrations.filter((m) => m.id <= lastCompleted && !completed.has(m.id));
  if (toRecord.length > 0 && store === undefined) {
    store = (await deployMigrator(host, session)).store;
    completed = new Set();
  }
  for (const migration of toRecord) {
    await store!.record(migration.id, migration.contentHash);
  }
  return toRecord.map((m) => m.id);
}
