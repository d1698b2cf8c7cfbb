import { headBlock, type Eip1193Provider } from "../provider.js";

/** A raw log as `eth_getLogs` returns it. */
export interface RpcLog {
  readonly topics: readonly string[];
  readonly data: string;
  readonly transactionHash: string;
  readonly blockNumber: string;
}

const hex = (n: number) => `0x${n.toString(16)}`;

/**
 * `eth_getLogs` of `filter` from `fromBlock` to the head. Providers refuse long ranges (by blocks
 * or by results): a refused range is split in two, both asked at once, down to single blocks,
 * where the node's own error is thrown.
 */
export async function logsInParts(provider: Eip1193Provider, filter: { address: string; topics: unknown[] }, fromBlock: number, toBlock?: number): Promise<RpcLog[]> {
  const request = (from: number, to: number | undefined) =>
    provider.request({ method: "eth_getLogs", params: [{ ...filter, fromBlock: hex(from), toBlock: to === undefined ? "latest" : hex(to) }] }) as Promise<RpcLog[]>;
  try {
    return await request(fromBlock, toBlock);
  } catch (refused) {
    const last = toBlock ?? (await headBlock(provider));
    if (last <= fromBlock) {
      throw refused;
    }
    const split = fromBlock + Math.floor((last - fromBlock) / 2);
    const parts = await Promise.all([logsInParts(provider, filter, fromBlock, split), logsInParts(provider, filter, split + 1, last)]);
    return parts.flat();
  }
}
