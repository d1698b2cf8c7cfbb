import type { Eip1193Provider } from "../provider.js";
import type { MigratorBaseline, MigratorRecord } from "../registry/registry-document.js";
import { VERSION_CALL, readRecordEvents } from "../stores/migrator-events.js";

/**
 * The record a (design 2) Migrator's copied state stands for on the target of a network
 * migration: its version as of source block `block`, and the source's record up to that block
 * (whose events stayed on the source chain). `sync` copies the Migrator's slot like any other, so
 * the target's registry takes this as the Migrator's `baseline` after every sync.
 */
export async function sourceMigratorBaseline(provider: Eip1193Provider, migrator: MigratorRecord, block: number): Promise<MigratorBaseline> {
  const [rawVersion, events] = await Promise.all([
    provider.request({ method: "eth_call", params: [{ to: migrator.address, data: VERSION_CALL }, `0x${block.toString(16)}`] }) as Promise<string>,
    readRecordEvents(provider, migrator.address, migrator.blockNumber, block),
  ]);
  const records = new Map<number, string | undefined>((migrator.baseline?.records ?? []).map((r) => [r.id, r.contentHash]));
  for (const event of events) {
    records.delete(event.id);
    if (event.contentHash !== undefined) {
      records.set(event.id, event.contentHash);
    }
  }
  return {
    version: Number(BigInt(rawVersion)),
    records: [...records].map(([id, contentHash]) => ({ id, ...(contentHash !== undefined ? { contentHash } : {}) })),
  };
}
