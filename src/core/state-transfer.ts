import { openSession, openStateStore, type MigrationHost } from "./session.js";
import { STATE_FILE_FORMAT, parseStateFile, type StateFileDocument } from "./stores/file-state-store.js";

/** The host's record of completed migrations as a state document (any store); sends nothing. */
export async function exportState<ContextT>(host: MigrationHost<ContextT>): Promise<StateFileDocument> {
  const session = await openSession(host, () => {}, { readOnly: true });
  const { store, completed } = await openStateStore(host, session, { readOnly: true });
  return {
    format: STATE_FILE_FORMAT,
    chainId: session.chain.chainId,
    genesisHash: session.chain.genesisHash,
    migrations: await store.records(completed),
  };
}

/**
 * Records the ids of a state document that the host's store lacks (a Migrator is deployed first when
 * the chain has none); ids already recorded are skipped.
 */
export async function importState<ContextT>(
  host: MigrationHost<ContextT>,
  state: unknown,
  source: string,
): Promise<{ store: string; imported: number[]; skipped: number[] }> {
  const session = await openSession(host, () => {});
  const doc = parseStateFile(state, source, session.chain);
  const { store, completed } = await openStateStore(host, session);
  await store.prepare?.();
  const imported: number[] = [];
  const skipped: number[] = [];
  for (const record of doc.migrations) {
    if (completed.has(record.id)) {
      skipped.push(record.id);
      continue;
    }
    await store.record(record.id, record.contentHash ?? `0x${"0".repeat(64)}`);
    imported.push(record.id);
  }
  return { store: store.description, imported, skipped };
}
