import { keccak256 } from "../eth/keccak.js";

import type { ChainInfo } from "../chain.js";
import { MigrationsError } from "../errors.js";
import { headBlock } from "../provider.js";
import { Registry } from "../registry/registry.js";
import { sourceMigratorBaseline } from "./migrator-baseline.js";
import type { NetworkMigrationInfo, NetworkPeer } from "../registry/registry-document.js";
import { withRunLock, type MigrationHost } from "../session.js";
import { readAccounts } from "./account-state.js";
import { devStateWriter, type StateWriter } from "./dev-state-writer.js";
import { discoverStorage } from "./discover-storage.js";
import { readSyncCheckpoint, trackedAccount, writeSyncCheckpoint, type SyncCheckpoint, type TrackedAccount } from "./sync-checkpoint.js";
import { firstDeploymentBlock, registeredAccounts, registryAtBlock } from "./take-snapshot.js";
import { StorageTracer, type TraceMethod } from "./trace-storage.js";
import { sleep } from "../sleep.js";

export interface SyncProgress {
  /** The source block just replayed. */
  readonly block: number;
  readonly head: number;
  /** Blocks the target is behind the source's head. */
  readonly lag: number;
  readonly slots: number;
  /** Accounts whose balance, nonce or code changed. */
  readonly accounts: number;
}

export interface SyncOptions {
  /** Stop once this source block is replayed (default: run until `signal` aborts). */
  readonly until?: number;
  /** When caught up (without `until`): how long to wait before looking again. Default 1000 ms. */
  readonly pollIntervalMs?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SyncProgress) => void;
  /** Called once, before the first block: where the sync starts. */
  readonly onStart?: (start: { readonly fromBlock: number; readonly head: number; readonly checkpoint: string }) => void;
  readonly traceMethod?: TraceMethod;
}

export interface SyncResult {
  readonly syncedToBlock: number;
  readonly resumedFrom: number;
  readonly blocks: number;
  readonly slots: number;
  readonly lag: number;
  readonly checkpoint: string;
}

export interface SyncPair {
  readonly sourceChain: ChainInfo;
  readonly targetChain: ChainInfo;
  readonly checkpointFile: string;
  readonly checkpoint: SyncCheckpoint;
  readonly sourcePeer: NetworkPeer;
  readonly targetPeer: NetworkPeer;
}

/** Opens a bootstrapped pair: the target's checkpoint must name the source chain. */
export async function openSyncPair<C>(source: MigrationHost<C>, target: MigrationHost<C>): Promise<SyncPair> {
  const [sourceChain, targetChain] = [source.chain, target.chain];
  const checkpointFile = target.workspace.syncCheckpointFile;
  const notBootstrapped = (reason: string) =>
    new MigrationsError("SYNC_NOT_BOOTSTRAPPED", { target: `${target.networkName} (chain ${targetChain.chainId})`, source: `${source.networkName} (chain ${sourceChain.chainId})`, reason });
  if (checkpointFile === undefined) {
    throw notBootstrapped("the host keeps no sync checkpoint");
  }
  const checkpoint = await readSyncCheckpoint(checkpointFile);
  if (checkpoint === undefined) {
    throw notBootstrapped(`there is no sync checkpoint ${checkpointFile}`);
  }
  if (checkpoint.source.chainId !== sourceChain.chainId || checkpoint.source.genesisHash.toLowerCase() !== sourceChain.genesisHash.toLowerCase()) {
    throw notBootstrapped(`it was bootstrapped from chain ${checkpoint.source.chainId} (genesis ${checkpoint.source.genesisHash})`);
  }
  if (checkpoint.target.chainId !== targetChain.chainId || checkpoint.target.genesisHash.toLowerCase() !== targetChain.genesisHash.toLowerCase()) {
    throw new MigrationsError("SYNC_CHECKPOINT_INVALID", { file: checkpointFile, reason: `it was written for chain ${checkpoint.target.chainId} with another genesis (the node was restarted?)` });
  }
  return {
    sourceChain,
    targetChain,
    checkpointFile,
    checkpoint,
    sourcePeer: { chainId: sourceChain.chainId, genesisHash: sourceChain.genesisHash, network: source.networkName },
    targetPeer: { chainId: targetChain.chainId, genesisHash: targetChain.genesisHash, network: target.networkName },
  };
}

/** Writes the migration window into both registries. */
export async function markWindow<C>(
  source: MigrationHost<C>,
  target: MigrationHost<C>,
  pair: SyncPair,
  sourceInfo: Omit<NetworkMigrationInfo, "role" | "peer" | "startedAtBlock">,
  targetInfo: Omit<NetworkMigrationInfo, "role" | "peer" | "startedAtBlock" | "snapshotChecksum">,
): Promise<void> {
  const startedAtBlock = pair.checkpoint.startedAtBlock;
  // Under both chains' run locks: never while a `migrate` on either changes its registry.
  await withRunLock(source, () =>
    withRunLock(target, async () => {
      const sourceRegistry = await Registry.open(source.workspace.registry, pair.sourceChain);
      await sourceRegistry.setNetworkMigration({ role: "source", ...sourceInfo, peer: pair.targetPeer, startedAtBlock });
      const targetRegistry = await Registry.open(target.workspace.registry, pair.targetChain);
      await targetRegistry.setNetworkMigration({
        role: "target",
        ...targetInfo,
        peer: pair.sourcePeer,
        startedAtBlock,
        snapshotChecksum: pair.checkpoint.snapshotChecksum,
      });
    }),
  );
}

/**
 * Keeps the nonces of the block's senders (deployers, users) on the target at least the source's,
 * so a deployment made on the source during the window does not leave the target's deployer
 * behind: its next CREATE address would be a copied contract's. Nonces are only ever raised.
 */
async function raiseSenderNonces<C>(
  source: MigrationHost<C>,
  target: MigrationHost<C>,
  senders: readonly string[],
  block: number,
  writer: StateWriter,
): Promise<void> {
  if (senders.length === 0) return;
  const slots = new Map(senders.map((a) => [a, [] as string[]]));
  const [there, here] = await Promise.all([
    readAccounts(source.provider, slots, block, source.networkName),
    readAccounts(target.provider, slots, "latest", target.networkName),
  ]);
  for (const address of senders) {
    const nonce = there.get(address)!.nonce;
    if (nonce > here.get(address)!.nonce) await writer.setNonce(address, nonce);
  }
}

/**
 * Follows the source block by block from the checkpoint and replays onto the target every state
 * change to registered contracts: the storage slots each block's transactions wrote (found by
 * tracing, values read at that block), balances, nonces and code. The checkpoint is written after
 * every block. Contracts registered on the source during the sync are picked up, with their
 * storage since deployment. Marks the migration window in both registries.
 */
export async function syncNetworks<C>(source: MigrationHost<C>, target: MigrationHost<C>, options: SyncOptions = {}): Promise<SyncResult> {
  const pair = await openSyncPair(source, target);
  const targetRegistry = await Registry.open(target.workspace.registry, pair.targetChain, { readOnly: true });
  if (targetRegistry.networkMigration?.status === "active") {
    throw new MigrationsError("SYNC_NOT_BOOTSTRAPPED", {
      target: target.networkName,
      source: source.networkName,
      reason: `the cutover already happened (at source block ${targetRegistry.networkMigration.cutoverBlock}); the new network is active`,
    });
  }
  let checkpoint = pair.checkpoint;
  await markWindow(source, target, pair, { status: "migrating" }, { status: "syncing", syncedToBlock: checkpoint.syncedToBlock });

  const tracer = new StorageTracer(source.provider, source.networkName, options.traceMethod);
  const writer = devStateWriter(target.provider, pair.targetChain, target.networkName);
  const head = () => headBlock(source.provider);
  const resumedFrom = checkpoint.syncedToBlock + 1;
  options.onStart?.({ fromBlock: resumedFrom, head: await head(), checkpoint: pair.checkpointFile });
  let blocks = 0;
  let slotsWritten = 0;
  let lag = 0;

  while (options.signal?.aborted !== true) {
    const latest = await head();
    const limit = options.until === undefined ? latest : Math.min(options.until, latest);
    lag = latest - checkpoint.syncedToBlock;
    if (checkpoint.syncedToBlock >= limit) {
      if (options.until !== undefined && checkpoint.syncedToBlock >= options.until) break;
      await sleep(options.pollIntervalMs ?? 1000, options.signal);
      continue;
    }
    const block = checkpoint.syncedToBlock + 1;
    const registry = registryAtBlock((await Registry.open(source.workspace.registry, pair.sourceChain, { readOnly: true })).document, block);
    const names = registeredAccounts(registry);
    const watched = new Set(names.keys());
    const accounts: Record<string, TrackedAccount> = { ...checkpoint.accounts };

    // Contracts registered since the bootstrap: their storage from their deployment on.
    const fresh = [...watched].filter((a) => accounts[a] === undefined);
    const slotsToCopy = new Map<string, Set<string>>();
    if (fresh.length > 0) {
      const freshRegistry = { ...registry, contracts: Object.fromEntries(Object.entries(registry.contracts).filter(([, e]) => fresh.includes(e.address.toLowerCase()))) };
      const found = await discoverStorage(source.provider, tracer, new Set(fresh), firstDeploymentBlock(freshRegistry), block - 1, source.networkName);
      for (const a of fresh) slotsToCopy.set(a, new Set(found.slots.get(a) ?? []));
    }
    const changes = await discoverStorage(source.provider, tracer, watched, block, block, source.networkName);
    await raiseSenderNonces(source, target, [...changes.senders].filter((a) => !watched.has(a)), block, writer);
    for (const address of watched) {
      const set = slotsToCopy.get(address) ?? new Set<string>();
      for (const slot of changes.slots.get(address) ?? []) set.add(slot);
      slotsToCopy.set(address, set);
    }
    const state = await readAccounts(source.provider, slotsToCopy, block, source.networkName);
    let slots = 0;
    let changedAccounts = 0;
    for (const [address, account] of state) {
      const known = accounts[address];
      let changed = false;
      if (known === undefined || keccak256(account.code) !== known.codeHash) {
        await writer.setCode(address, account.code);
        changed = true;
      }
      if (known === undefined || BigInt(known.balance) !== BigInt(account.balance)) {
        await writer.setBalance(address, account.balance);
        changed = true;
      }
      if (known === undefined || known.nonce !== account.nonce) {
        await writer.setNonce(address, account.nonce);
        changed = true;
      }
      for (const [slot, value] of Object.entries(account.storage)) {
        await writer.setStorageAt(address, slot, value);
        slots++;
      }
      if (changed) changedAccounts++;
      accounts[address] = trackedAccount(names.get(address) ?? known?.names ?? [], [...(known?.slots ?? []), ...Object.keys(account.storage)], account);
    }
    checkpoint = { ...checkpoint, syncedToBlock: block, accounts };
    await writeSyncCheckpoint(pair.checkpointFile, checkpoint);
    blocks++;
    slotsWritten += slots;
    lag = latest - block;
    options.onProgress?.({ block, head: latest, lag, slots, accounts: changedAccounts });
  }

  const sourceMigrator = (await Registry.open(source.workspace.registry, pair.sourceChain, { readOnly: true })).migrator;
  const baseline =
    sourceMigrator?.design === 2 && sourceMigrator.blockNumber <= checkpoint.syncedToBlock
      ? await sourceMigratorBaseline(source.provider, sourceMigrator, checkpoint.syncedToBlock)
      : undefined;
  await withRunLock(target, async () => {
    const registry = await Registry.open(target.workspace.registry, pair.targetChain);
    const info = registry.networkMigration;
    if (info !== undefined) {
      await registry.setNetworkMigration({ ...info, syncedToBlock: checkpoint.syncedToBlock });
    }
    // The Migrator's slot was copied with the rest: its record here is the source's as of the sync.
    const migrator = registry.migrator;
    if (baseline !== undefined && migrator?.design === 2 && migrator.address.toLowerCase() === sourceMigrator?.address.toLowerCase()) {
      await registry.setMigrator({ ...migrator, baseline });
    }
  });
  return { syncedToBlock: checkpoint.syncedToBlock, resumedFrom, blocks, slots: slotsWritten, lag, checkpoint: pair.checkpointFile };
}
