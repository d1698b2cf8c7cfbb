import { MigrationsError } from "../errors.js";
import { recordWithoutRunning } from "../record-without-running.js";
import { openSession, type MigrationHost } from "../session.js";
import { VERSION_CALL } from "../stores/migrator-events.js";
import { diffAccounts, formatDifferences, readAccounts, type AccountState } from "./account-state.js";
import { devStateWriter } from "./dev-state-writer.js";
import type { NetworkSnapshot } from "./snapshot-document.js";
import { SYNC_CHECKPOINT_FORMAT, trackedAccount, writeSyncCheckpoint } from "./sync-checkpoint.js";

export interface BootstrapReport {
  readonly network: { readonly name: string; readonly chainId: number };
  readonly source: NetworkSnapshot["source"];
  readonly accounts: number;
  /** Accounts that sent transactions on the source, given their nonce and balance. */
  readonly senders: number;
  /** Non-zero storage slots written, and verified equal one by one. */
  readonly slots: number;
  /** Always true in a returned report: a difference throws STATE_VERIFICATION_FAILED. */
  readonly equal: true;
  readonly registry: string;
  /** Where the record of completed migrations now is, and what it holds. */
  readonly record: { readonly store: string; readonly ids: readonly number[]; readonly recorded: readonly number[] };
  readonly checkpoint: string | undefined;
}

/** The snapshot's accounts as expected states. */
export function expectedStates(snapshot: NetworkSnapshot): Map<string, AccountState> {
  return new Map(
    Object.entries(snapshot.accounts).map(([address, a]) => [address, { code: a.code, balance: a.balance, nonce: a.nonce, storage: { ...a.storage } }]),
  );
}

/**
 * Makes the host's network hold the snapshot's state at the same addresses (dev / private
 * networks), verifies every account slot by slot, then writes the network's registry (the
 * snapshot's contracts, with a `networkMigration` naming the source) and its record of completed
 * migrations in the configured store: with the Migrator store the Migrator's state was copied
 * with the rest, so the record is already there (ids it lacks are recorded); with the file store
 * the ids are written to the state file.
 */
export async function bootstrapNetwork<C>(host: MigrationHost<C>, snapshot: NetworkSnapshot): Promise<BootstrapReport> {
  const { chain } = host;
  if (chain.chainId === snapshot.source.chainId) {
    throw new MigrationsError("NETWORK_MIGRATION_SAME_CHAIN", {
      network: host.networkName,
      chainId: chain.chainId,
      reason: chain.genesisHash === snapshot.source.genesisHash ? "this is the snapshot's own chain" : "its registry would overwrite the source's",
    });
  }
  const writer = devStateWriter(host.provider, chain, host.networkName);
  let slots = 0;
  for (const [address, account] of Object.entries(snapshot.accounts)) {
    await writer.setCode(address, account.code);
    await writer.setBalance(address, account.balance);
    await writer.setNonce(address, account.nonce);
    for (const [slot, value] of Object.entries(account.storage)) {
      await writer.setStorageAt(address, slot, value);
      slots++;
    }
  }
  // The senders' nonces (and balances), so the deployer's next CREATE address is a fresh one.
  // A nonce is only ever raised: the new network may have used the account already.
  const senders = Object.entries(snapshot.senders ?? {});
  const before = await readAccounts(host.provider, new Map(senders.map(([a]) => [a, []])), "latest", host.networkName);
  for (const [address, sender] of senders) {
    await writer.setBalance(address, sender.balance);
    if (sender.nonce > before.get(address)!.nonce) {
      await writer.setNonce(address, sender.nonce);
    }
  }
  const expected = expectedStates(snapshot);
  const names = (a: string) => snapshot.accounts[a]?.names ?? [];
  const actual = await readAccounts(host.provider, new Map([...expected].map(([a, s]) => [a, Object.keys(s.storage)])), "latest", host.networkName);
  const differences = diffAccounts(expected, actual, names);
  const sendersNow = await readAccounts(host.provider, new Map(senders.map(([a]) => [a, []])), "latest", host.networkName);
  for (const [address, sender] of senders) {
    const now = sendersNow.get(address)!;
    if (now.nonce < sender.nonce) {
      differences.push({ address, names: ["(sender)"], field: "nonce", expected: `${sender.nonce} or more`, actual: String(now.nonce) });
    }
    if (BigInt(now.balance) !== BigInt(sender.balance)) {
      differences.push({ address, names: ["(sender)"], field: "balance", expected: BigInt(sender.balance).toString(), actual: BigInt(now.balance).toString() });
    }
  }
  if (differences.length > 0) {
    throw new MigrationsError("STATE_VERIFICATION_FAILED", {
      what: "Bootstrap verification failed",
      count: differences.length,
      source: `the snapshot (chain ${snapshot.source.chainId}, block ${snapshot.source.blockNumber})`,
      target: host.networkName,
      differences: formatDifferences(differences),
    });
  }

  const session = await openSession(host, () => {});
  if (Object.keys(session.registry.all()).length > 0 || session.registry.migrator !== undefined) {
    await session.registry.discard(`it is replaced by the bootstrap from chain ${snapshot.source.chainId}`, () => {});
  }
  const startedAtBlock = snapshot.source.blockNumber;
  await session.registry.adopt(snapshot.registry, {
    role: "target",
    status: "bootstrapped",
    peer: { chainId: snapshot.source.chainId, genesisHash: snapshot.source.genesisHash, network: snapshot.source.network },
    startedAtBlock,
    syncedToBlock: startedAtBlock,
    snapshotChecksum: snapshot.checksum,
  });

  const migrator = session.registry.migrator;
  if (migrator?.design === 2) {
    // The copied Migrator's events stayed on the source chain: its record here starts from the
    // snapshot's (its version counts the changes those events made).
    const version = (await host.provider.request({
      method: "eth_call",
      params: [{ to: migrator.address, data: VERSION_CALL }, "latest"],
    })) as string;
    const records = snapshot.record.migrations.map((r) => ({ id: r.id, ...(r.contentHash !== undefined ? { contentHash: r.contentHash } : {}) }));
    await session.registry.setMigrator({ ...migrator, baseline: { version: Number(BigInt(version)), records } });
  }
  const ids = snapshot.record.migrations.map((r) => r.id);
  const { store, recorded } = await recordWithoutRunning(host, session, snapshot.record.migrations);

  const checkpointFile = host.workspace.syncCheckpointFile;
  if (checkpointFile !== undefined) {
    await writeSyncCheckpoint(checkpointFile, {
      format: SYNC_CHECKPOINT_FORMAT,
      source: { chainId: snapshot.source.chainId, genesisHash: snapshot.source.genesisHash, network: snapshot.source.network },
      target: { chainId: chain.chainId, genesisHash: chain.genesisHash, network: host.networkName },
      snapshotChecksum: snapshot.checksum,
      startedAtBlock,
      syncedToBlock: startedAtBlock,
      accounts: Object.fromEntries([...expected].map(([a, s]) => [a, trackedAccount(names(a), Object.keys(s.storage), s)])),
    });
  }
  return {
    network: { name: host.networkName, chainId: chain.chainId },
    source: snapshot.source,
    accounts: expected.size,
    senders: senders.length,
    slots,
    equal: true,
    registry: session.registry.storage.location,
    record: { store: store.description, ids, recorded },
    checkpoint: checkpointFile,
  };
}
