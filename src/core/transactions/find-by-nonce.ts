import { type Eip1193Provider, headBlock } from "../provider.js";
import { count } from "./nonce-manager.js";

export interface MinedTransaction {
  readonly hash: string;
  readonly from: string;
  readonly to: string | null;
  readonly input: string;
  readonly value: bigint;
  readonly blockNumber: number;
}

interface RpcTransaction {
  hash: string;
  from: string;
  to: string | null;
  input: string;
  value: string;
  nonce: string;
  blockNumber: string;
}

/**
 * The mined transaction of `from` with `nonce`, searched from block `fromBlock` on: a binary
 * search on the account's nonce at past blocks (a handful of calls), or, where the node has no
 * state for past blocks, a scan of the blocks. `undefined` when the nonce is not used yet.
 */
export async function findMinedByNonce(
  provider: Eip1193Provider,
  from: string,
  nonce: number,
  fromBlock: number,
): Promise<MinedTransaction | undefined> {
  const head = await headBlock(provider);
  if ((await count(provider, from, hex(head))) <= nonce) {
    return undefined;
  }
  let block: number | undefined;
  try {
    // The first block after which the account's count exceeds `nonce` holds the transaction.
    let low = Math.max(0, Math.min(fromBlock, head)) - 1;
    if (low >= 0 && (await count(provider, from, hex(low))) > nonce) {
      low = -1;
    }
    let high = head;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if ((await count(provider, from, hex(middle))) > nonce) {
        high = middle;
      } else {
        low = middle;
      }
    }
    block = high;
  } catch {
    block = undefined;
  }
  const candidates = block !== undefined ? [block] : range(fromBlock, head);
  for (const number of candidates) {
    const found = await transactionIn(provider, number, from, nonce);
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}

async function transactionIn(provider: Eip1193Provider, number: number, from: string, nonce: number): Promise<MinedTransaction | undefined> {
  const block = (await provider.request({ method: "eth_getBlockByNumber", params: [hex(number), true] })) as { transactions: RpcTransaction[] } | null;
  const tx = block?.transactions.find((t) => t.from.toLowerCase() === from.toLowerCase() && Number(BigInt(t.nonce)) === nonce);
  return tx === undefined
    ? undefined
    : { hash: tx.hash, from: tx.from, to: tx.to, input: tx.input, value: BigInt(tx.value), blockNumber: Number(BigInt(tx.blockNumber)) };
}

function range(start: number, end: number): number[] {
  const numbers: number[] = [];
  for (let n = Math.max(0, start); n <= end; n++) {
    numbers.push(n);
  }
  return numbers;
}

function hex(n: number): string {
  return `0x${n.toString(16)}`;
}
