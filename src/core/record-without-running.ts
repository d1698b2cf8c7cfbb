import { commandLayer, deployMigrator, openJournal, openStateStore, withRunLock, type MigrationHost, type Session } from "./session.js";
import { bookkeepingKey, journaledStep, storeSender } from "./transactions/journaled-step.js";
import type { MigrationStateStore } from "./stores/state-store.js";

export interface RecordedWithoutRunning {
  readonly store: MigrationStateStore;
  readonly recorded: number[];
  readonly skipped: number[];
}

/**
 * Records `records` as completed without running them (`store import`, imports from Truffle or
 * hardhat-deploy, `bootstrap`), deploying the Migrator first when the chain has none. Ids already
 * recorded are skipped. Every transaction takes the plugin's one path: journaled before it is
 * sent (each record as the bookkeeping of its id), waited for with the run's policy; a run killed
 * part-way is resumed by running the same command again.
 */
export async function recordWithoutRunning<ContextT>(
  host: MigrationHost<ContextT>,
  session: Session,
  records: readonly { readonly id: number; readonly contentHash?: string }[],
): Promise<RecordedWithoutRunning | undefined> {
  let { store, completed } = await openStateStore(host, session);
  const toRecord = records.filter((r) => !completed.has(r.id));
  const skipped = records.filter((r) => completed.has(r.id)).map((r) => r.id);
  if (toRecord.length === 0) {
    return store === undefined ? undefined : { store, recorded: [], skipped };
  }
  // The journal is only written under the chain's run lock.
  return withRunLock(host, async () => {
    const layer = commandLayer(host, session, await openJournal(host, session));
    if (store === undefined) {
      store = (await deployMigrator(host, session, layer)).store;
      completed = new Set();
    }
    const deployer = await session.deployer();
    const recorded: number[] = [];
    for (const record of toRecord) {
      await journaledStep(layer, bookkeepingKey(record.id), `record of ${record.id}`, async (sender) => {
        const target = store!.connect?.(await storeSender(sender, deployer)) ?? store!;
        await target.record(record.id, record.contentHash ?? `0x${"0".repeat(64)}`);
      });
      recorded.push(record.id);
    }
    return { store: store!, recorded, skipped };
  });
}
