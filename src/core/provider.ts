/** The EIP-1193 surface the core needs; Hardhat's network provider satisfies it. */
export interface Eip1193Provider {
  request(args: { method: string; params?: unknown[] | object }): Promise<unknown>;
}

/** The chain's head: the number of the latest block. */
export async function headBlock(provider: Eip1193Provider): Promise<number> {
  return Number(BigInt((await provider.request({ method: "eth_blockNumber" })) as string));
}
