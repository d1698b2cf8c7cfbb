import { MigrationsError, describeError } from "../errors.js";
import type { Eip1193Provider } from "../provider.js";
import type { StorageTracer } from "./trace-storage.js";

/** Storage written to the watched contracts in a range of blocks, found by tracing. */
export interface DiscoveredStorage {
  /** Every slot written, per lower-case address. */
  readonly slots: Map<string, Set<string>>;
  /** The value of each slot's last write, per address (for the cross-check). */
  readonly lastWrites: Map<string, Map<string, string>>;
  /** Watched accounts some transaction touched (storage, balance, nonce or code). */
  readonly touched: Set<string>;
  /** The senders (lower case) of every transaction in the range: accounts whose nonce moved. */
  readonly senders: Set<string>;
  readonly transactions: number;
}

/** A block's transactions (hash and lower-case sender), in order. */
export async function blockTransactions(provider: Eip1193Provider, block: number, network: string): Promise<Array<{ hash: string; from: string }>> {
  let result: { transactions?: Array<{ hash: string; from: string }> } | null;
  try {
    result = (await provider.request({ method: "eth_getBlockByNumber", params: [`0x${block.toString(16)}`, true] })) as typeof result;
  } catch (error) {
    throw new MigrationsError("SNAPSHOT_STATE_UNAVAILABLE", { network, block, reason: describeError(error) }, { cause: error });
  }
  if (result === null) {
    throw new MigrationsError("SNAPSHOT_STATE_UNAVAILABLE", { network, block, reason: "the node has no such block" });
  }
  return (result.transactions ?? []).map((t) => ({ hash: t.hash, from: t.from.toLowerCase() }));
}

/**
 * Traces every transaction of blocks `fromBlock`..`toBlock` and collects the storage they wrote to
 * `watched` (lower-case addresses). Every transaction is traced, not only those sent to a watched
 * contract, because a contract's storage also changes when another contract calls it.
 */
export async function discoverStorage(
  provider: Eip1193Provider,
  tracer: StorageTracer,
  watched: ReadonlySet<string>,
  fromBlock: number,
  toBlock: number,
  network: string,
  into: DiscoveredStorage = { slots: new Map(), lastWrites: new Map(), touched: new Set(), senders: new Set(), transactions: 0 },
): Promise<DiscoveredStorage> {
  let transactions = into.transactions;
  for (let block = fromBlock; block <= toBlock; block++) {
    for (const { hash, from } of await blockTransactions(provider, block, network)) {
      transactions++;
      into.senders.add(from);
      const changes = await tracer.changes(hash);
      for (const account of changes.accounts) {
        if (watched.has(account)) into.touched.add(account);
      }
      for (const [address, slots] of changes.storage) {
        if (!watched.has(address)) continue;
        let known = into.slots.get(address);
        let last = into.lastWrites.get(address);
        if (known === undefined) into.slots.set(address, (known = new Set()));
        if (last === undefined) into.lastWrites.set(address, (last = new Map()));
        for (const [slot, value] of slots) {
          known.add(slot);
          last.set(slot, value);
        }
      }
    }
  }
  return { ...into, transactions };
}
