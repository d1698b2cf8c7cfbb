import { recordWithoutRunning } from "./record-without-running.js";
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
  const { store, recorded, skipped } = await recordWithoutRunning(host, session, doc.migrations);
  return { store: store.description, imported: recorded, skipped };
}
