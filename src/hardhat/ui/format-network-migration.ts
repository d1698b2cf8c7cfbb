import type { BootstrapReport } from "../../core/network-migration/bootstrap.js";
import type { NetworkSnapshot } from "../../core/network-migration/snapshot-document.js";
import type { SyncProgress } from "../../core/network-migration/sync.js";

/** What `migrate snapshot` prints. Pure. */
export function formatSnapshotSummary(snapshot: NetworkSnapshot, files: { out?: string; genesis?: string }): string[] {
  const accounts = Object.values(snapshot.accounts);
  const slots = accounts.reduce((n, a) => n + Object.keys(a.storage).length, 0);
  const { source, discovery } = snapshot;
  const lines = [
    `Snapshot of ${source.network} (chain ${source.chainId}) at block ${source.blockNumber}: ${accounts.length} contract(s), ${slots} non-zero storage slot(s), ${snapshot.record.migrations.length} completed migration(s) (${snapshot.record.store} store).`,
    `Storage found by tracing ${discovery.transactions} transaction(s) in blocks ${discovery.fromBlock}-${discovery.toBlock} (${discovery.method}), read with eth_getStorageAt at block ${source.blockNumber}.`,
    ...discovery.warnings.map((w) => `Warning: ${w}`),
  ];
  if (files.out !== undefined) lines.push(`Wrote ${files.out} (checksum ${snapshot.checksum})`);
  if (files.genesis !== undefined) lines.push(`Wrote the genesis alloc ${files.genesis}`);
  return lines;
}

/** What `migrate bootstrap` prints. Pure. */
export function formatBootstrapReport(report: BootstrapReport): string[] {
  return [
    `Bootstrapped ${report.network.name} (chain ${report.network.chainId}) from chain ${report.source.chainId} block ${report.source.blockNumber}: ${report.accounts} contract(s), ${report.slots} storage slot(s), ${report.senders} sending account(s) (nonce and balance).`,
    `Verified slot by slot: code, balance, nonce and every storage slot are equal to the snapshot.`,
    `Registry: ${report.registry}`,
    `Record: ${report.record.store}: ${report.record.ids.length} completed migration(s)` +
      (report.record.recorded.length > 0 ? `, recorded now: ${report.record.recorded.join(", ")}.` : " (copied with the Migrator's state)."),
    ...(report.checkpoint !== undefined ? [`Sync checkpoint: ${report.checkpoint}`] : []),
  ];
}

/** The first line of `migrate sync` / `migrate cutover`. Pure. */
export function formatSyncStart(from: string, to: string, start: { fromBlock: number; head: number; checkpoint: string }): string {
  return `Syncing ${to} from ${from}: resuming from block ${start.fromBlock} (head ${start.head}, lag ${Math.max(0, start.head - start.fromBlock + 1)} block(s)); checkpoint ${start.checkpoint}`;
}

/** One line per replayed block. Pure. */
export function formatSyncProgress(progress: SyncProgress): string {
  return `  block ${progress.block}: ${progress.slots} slot(s), ${progress.accounts} account change(s); lag ${progress.lag} block(s)`;
}
