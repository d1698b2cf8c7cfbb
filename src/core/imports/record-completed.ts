import { recordWithoutRunning } from "../record-without-running.js";
import type { MigrationHost, Session } from "../session.js";

/**
 * Records every migration file whose id is at most `lastCompleted` as completed, without running
 * it (deploying the Migrator first when the chain has none). Returns the ids it recorded; ids
 * already recorded are left alone.
 */
export async function recordCompletedUpTo<ContextT>(host: MigrationHost<ContextT>, session: Session, lastCompleted: number): Promise<number[]> {
  return (await recordWithoutRunning(host, session, session.migrations.filter((m) => m.id <= lastCompleted))).recorded;
}
