import { headBlock, type Eip1193Provider } from "./provider.js";

/** A raw log as `eth_getLogs` returns it. */
export interface RawLog {
  readonly topics: readonly string[];
  readonly data: string;
  readonly transactionHash: string;
  readonly blockNumber: string;
  readonly logIndex: string;
}

const hex = (n: number) => `0x${n.toString(16)}`;

/**
 * `eth_getLogs` of `filter` from `fromBlock` to `toBlock` (default: the head, asked as "latest").
 * Providers refuse long ranges (by blocks or by results): a refused range is split in two, both
 * asked at once, down to single blocks (or 24 halvings), where the node's own error is thrown; the
 * head is resolved to a number only then. Logs come in the order of the parts.
 */
export async function logsInParts(
  provider: Eip1193Provider,
  filter: { readonly address: string; readonly topics: readonly unknown[] },
  fromBlock: number,
  toBlock?: number,
  depth = 0,
): Promise<RawLog[]> {
  const request = (from: number, to: number | undefined) =>
    provider.request({ method: "eth_getLogs", params: [{ ...filter, fromBlock: hex(from), toBlock: to === undefined ? "latest" : hex(to) }] }) as Promise<RawLog[]>;
  try {
    return await request(fromBlock, toBlock);
  } catch (refused) {
    const last = toBlock ?? (await headBlock(provider));
    if (last <= fromBlock || depth >= 24) {
      throw refused;
    }
    const split = fromBlock + Math.floor((last - fromBlock) / 2);
    const parts = await Promise.all([logsInParts(provider, filter, fromBlock, split, depth + 1), logsInParts(provider, filter, split + 1, last, depth + 1)]);
    return parts.flat();
  }
}
