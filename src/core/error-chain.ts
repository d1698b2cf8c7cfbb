/**
 * `error` and every object it nests, outermost first: its `cause`, the `error` and `info` an RPC
 * library wraps (ethers, viem, Hardhat), and `data` when it is an object. Each once (cycles are
 * cut), at most `limit` of them.
 */
export function errorChain(error: unknown, limit = 50): object[] {
  const chain: object[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && chain.length < limit) {
    const item = queue.shift();
    if (item === null || typeof item !== "object" || chain.includes(item)) {
      continue;
    }
    chain.push(item);
    const e = item as { cause?: unknown; error?: unknown; info?: unknown; data?: unknown };
    queue.push(e.error, e.cause, e.info, e.data);
  }
  return chain;
}
