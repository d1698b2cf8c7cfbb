/** The EIP-1193 surface the core needs; Hardhat's network provider satisfies it. */
export interface Eip1193Provider {
  request(args: { method: string; params?: unknown[] | object }): Promise<unknown>;
}
