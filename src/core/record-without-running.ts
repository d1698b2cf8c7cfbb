import { openJournal, openStateStore, openTransactionLayer, withRunLock, type MigrationHost, type Session } from "./session.js";
import { bookkeepingKey, journaledStep, storeSender } from "./transactions/journaled-step.js";
import type { MigrationStateStore } from "./stores/state-store.js";

export interface RecordedWithoutRunning {
  readonly store: MigrationStateStore;
  readonly recorded: number[];
  readonly skipped: number[];
}

/**
 * Records `records` as completed without running them (`store import`, imports from Truffle or
 * hardhat-deploy, `bootstrap`); the Migrator store deploys its contract first when the chain has
 * none. Ids already recorded are skipped. Every transaction takes the plugin's one path, under the
 * chain's run lock: journaled before it is sent (each record as the bookkeeping of its id), waited
 * for with the network's policy; a run killed part-way is resumed by running the same command again.
 */
export async function recordWithoutRunning<ContextT>(
  host: MigrationHost<ContextT>,
  session: Session,
  records: readonly { readonly id: number; readonly contentHash?: string }[],
): Promise<RecordedWithoutRunning> {
  return withRunLock(host, async () => {
    const journal = await openJournal(host, session);
    const layer = openTransactionLayer(host, journal, { emit: session.emit });
    const { store, completed } = await openStateStore(host, session, { layer });
    const skipped = records.filter((r) => completed.has(r.id)).map((r) => r.id);
    const recorded: number[] = [];
    for (const record of records.filter((r) => !completed.has(r.id))) {
      await journaledStep(layer, bookkeepingKey(record.id), `record of ${record.id}`, async (sender) => {
        const target = store.connect?.(await storeSender(sender, await session.deployer())) ?? store;
        await target.record(record.id, record.contentHash ?? `0x${"0".repeat(64)}`);
      });
      recorded.push(record.id);
    }
    return { store, recorded, skipped };
  });
}
