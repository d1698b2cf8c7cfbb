import { MigrationsError } from "../errors.js";
import { headBlock } from "../provider.js";
import type { RegistryDocument, RegistryEntry } from "../registry/registry-document.js";
import { openSession, openStateStore, type MigrationHost } from "../session.js";
import type { StateStoreKind } from "../stores/state-store.js";
import { readAccounts } from "./account-state.js";
import { discoverStorage } from "./discover-storage.js";
import { sealSnapshot, type NetworkSnapshot, type SnapshotAccount, type SnapshotSender } from "./snapshot-document.js";
import { StorageTracer, type TraceMethod } from "./trace-storage.js";

export interface TakeSnapshotOptions {
  /** The block to capture (default: the latest). */
  readonly block?: number;
  /** Force a tracing method (default: prestateTracer when the node has it, else struct logs). */
  readonly traceMethod?: TraceMethod;
}

/** The registry as it was at `block`: entries deployed later fall back to their history, or go. */
export function registryAtBlock(doc: RegistryDocument, block: number): RegistryDocument {
  const contracts: Record<string, RegistryEntry> = {};
  for (const [name, entry] of Object.entries(doc.contracts)) {
    const versions = [...(entry.history ?? []), entry].filter((v) => v.blockNumber <= block);
    const current = versions.pop();
    if (current !== undefined) {
      const { history: _h, ...record } = current as RegistryEntry;
      contracts[name] = versions.length > 0 ? { ...record, history: versions } : record;
    }
  }
  const { migrator, networkMigration: _n, ...rest } = doc;
  return { ...rest, contracts, ...(migrator !== undefined && migrator.blockNumber <= block ? { migrator } : {}) };
}

/** Every address the registry names, lower case, with its names. */
export function registeredAccounts(doc: RegistryDocument): Map<string, string[]> {
  const accounts = new Map<string, string[]>();
  const add = (address: string, name: string) => {
    const a = address.toLowerCase();
    accounts.set(a, [...(accounts.get(a) ?? []), name]);
  };
  for (const [name, entry] of Object.entries(doc.contracts)) {
    add(entry.address, name);
    for (const old of entry.history ?? []) add(old.address, `${name}@history`);
  }
  if (doc.migrator !== undefined) add(doc.migrator.address, "Migrator");
  // A design-2 Migrator runs its rare calls in its chain's shared MigratorAdmin: copy it along.
  if (doc.migrator?.admin !== undefined) add(doc.migrator.admin, "MigratorAdmin");
  return accounts;
}

/** The first block a registered contract exists in. */
export function firstDeploymentBlock(doc: RegistryDocument): number {
  const blocks = Object.values(doc.contracts).flatMap((e) => [e.blockNumber, ...(e.history ?? []).map((h) => h.blockNumber)]);
  if (doc.migrator !== undefined) blocks.push(doc.migrator.blockNumber);
  return blocks.length === 0 ? 0 : Math.min(...blocks);
}

/**
 * Captures, at one block, the registry, the record of completed migrations, and every registered
 * contract's code, balance, nonce and non-zero storage. Storage slots are found by tracing every
 * transaction since the first deployment (`discoverStorage`), then read with eth_getStorageAt at
 * the block; a slot whose last traced write differs from what the node reports is a warning (the
 * state was changed outside transactions, e.g. hardhat_setStorageAt).
 */
export async function takeSnapshot<C>(host: MigrationHost<C>, options: TakeSnapshotOptions = {}): Promise<NetworkSnapshot> {
  const session = await openSession(host, () => {}, { readOnly: true });
  const { store, completed } = await openStateStore(host, session, { readOnly: true });
  const head = await headBlock(host.provider);
  const block = options.block ?? head;
  if (!Number.isSafeInteger(block) || block < 0 || block > head) {
    throw new MigrationsError("INVALID_OPTION", { option: "--block", reason: `${options.block} is not a block of ${host.networkName} (its head is ${head}).` });
  }
  const blockInfo = (await host.provider.request({ method: "eth_getBlockByNumber", params: [`0x${block.toString(16)}`, false] })) as { hash: string };
  const registry = registryAtBlock(session.registry.document, block);
  const records = (await store.records(completed)).filter((r) => r.blockNumber === undefined || r.blockNumber <= block);

  const names = registeredAccounts(registry);
  const fromBlock = firstDeploymentBlock(registry);
  const tracer = new StorageTracer(host.provider, host.networkName, options.traceMethod);
  const discovered = await discoverStorage(host.provider, tracer, new Set(names.keys()), fromBlock, names.size === 0 ? fromBlock - 1 : block, host.networkName);
  const slots = new Map([...names.keys()].map((a) => [a, discovered.slots.get(a) ?? new Set<string>()]));
  const state = await readAccounts(host.provider, slots, block, host.networkName);
  const senderState = await readAccounts(
    host.provider,
    new Map([...discovered.senders].filter((a) => !names.has(a)).sort().map((a) => [a, []])),
    block,
    host.networkName,
  );
  const senders: Record<string, SnapshotSender> = {};
  for (const [address, account] of senderState) {
    senders[address] = { balance: account.balance, nonce: account.nonce };
  }

  const warnings: string[] = [];
  const accounts: Record<string, SnapshotAccount> = {};
  for (const [address, account] of state) {
    const storage: Record<string, string> = {};
    for (const [slot, value] of Object.entries(account.storage)) {
      const traced = discovered.lastWrites.get(address)?.get(slot);
      if (traced !== undefined && traced !== value) {
        warnings.push(`${names.get(address)!.join(", ")} ${address} slot ${slot}: last traced write ${traced}, eth_getStorageAt ${value}`);
      }
      if (BigInt(value) !== 0n) storage[slot] = value;
    }
    if (account.code === "0x") {
      warnings.push(`${names.get(address)!.join(", ")} ${address} has no code at block ${block}`);
    }
    accounts[address] = { names: names.get(address)!.sort(), code: account.code, balance: account.balance, nonce: account.nonce, storage };
  }
  return sealSnapshot({
    format: "hardhat-migrations/network-snapshot@1",
    source: { network: host.networkName, chainId: session.chain.chainId, genesisHash: session.chain.genesisHash, blockNumber: block, blockHash: blockInfo.hash },
    registry,
    record: { store: snapshotStoreKind(store.kind), migrations: records },
    accounts,
    senders,
    discovery: { fromBlock, toBlock: block, transactions: discovered.transactions, method: tracer.method ?? "prestateTracer", warnings },
  });
}

/** The snapshot's accounts as a genesis `alloc` (geth's genesis.json format). Pure. */
export function genesisAlloc(snapshot: NetworkSnapshot): { alloc: Record<string, { code: string; balance: string; nonce: string; storage: Record<string, string> }> } {
  const alloc: Record<string, { code: string; balance: string; nonce: string; storage: Record<string, string> }> = {};
  for (const [address, account] of Object.entries(snapshot.accounts)) {
    alloc[address] = { code: account.code, balance: account.balance, nonce: `0x${account.nonce.toString(16)}`, storage: { ...account.storage } };
  }
  for (const [address, sender] of Object.entries(snapshot.senders ?? {})) {
    alloc[address] = { code: "0x", balance: sender.balance, nonce: `0x${sender.nonce.toString(16)}`, storage: {} };
  }
  return { alloc };
}


/** The snapshot names the source's store kind; an in-memory record (a test's) travels as data, like the file store's. */
function snapshotStoreKind(kind: StateStoreKind): "chain" | "file" | "none" {
  return kind === "memory" ? "file" : kind;
}
