import { MigrationsError } from "../errors.js";
import { headBlock } from "../provider.js";
import type { MigrationHost } from "../session.js";
import { diffAccounts, formatDifferences, readAccounts } from "./account-state.js";
import { markWindow, openSyncPair, syncNetworks, type SyncOptions, type SyncResult } from "./sync.js";

export interface CutoverReport {
  readonly sync: SyncResult;
  /** The source block at which the new network took over. */
  readonly cutoverBlock: number;
  readonly accounts: number;
  readonly slots: number;
  readonly equal: true;
}

/**
 * The end of a zero-downtime migration: a final sync to the source's head, a slot-by-slot
 * comparison of every tracked account (the source at the synced block, the target now), then the
 * source's registry is marked `decommissioned` (naming the target) and the target's `active`
 * (naming the source). Differences refuse the cutover (STATE_VERIFICATION_FAILED, each listed)
 * and change no registry.
 */
export async function cutoverNetworks<C>(
  source: MigrationHost<C>,
  target: MigrationHost<C>,
  options: Pick<SyncOptions, "onProgress" | "onStart" | "traceMethod"> = {},
): Promise<CutoverReport> {
  const head = await headBlock(source.provider);
  const sync = await syncNetworks(source, target, { ...options, until: head });
  const pair = await openSyncPair(source, target);
  const slotsByAddress = new Map(Object.entries(pair.checkpoint.accounts).map(([a, t]) => [a, t.slots]));
  const [expected, actual] = await Promise.all([
    readAccounts(source.provider, slotsByAddress, sync.syncedToBlock, source.networkName),
    readAccounts(target.provider, slotsByAddress, "latest", target.networkName),
  ]);
  const differences = diffAccounts(expected, actual, (a) => pair.checkpoint.accounts[a]?.names ?? []);
  if (differences.length > 0) {
    throw new MigrationsError("STATE_VERIFICATION_FAILED", {
      what: "Cutover refused",
      count: differences.length,
      source: `${source.networkName} at block ${sync.syncedToBlock}`,
      target: target.networkName,
      differences: formatDifferences(differences),
    });
  }
  const cutoverBlock = sync.syncedToBlock;
  await markWindow(source, target, pair, { status: "decommissioned", cutoverBlock }, { status: "active", syncedToBlock: cutoverBlock, cutoverBlock });
  let slots = 0;
  for (const tracked of Object.values(pair.checkpoint.accounts)) slots += tracked.slots.length;
  return { sync, cutoverBlock, accounts: slotsByAddress.size, slots, equal: true };
}
