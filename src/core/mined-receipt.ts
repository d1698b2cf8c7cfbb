/**
 * A mined transaction's receipt as the engine reads it: plain values, whichever library sent the
 * transaction (an ethers TransactionReceipt has these fields; `receiptFromRpc` reads the JSON-RPC
 * shape, as eth_getTransactionReceipt returns it).
 */
export interface MinedReceipt {
  readonly hash: string;
  /** 1 success, 0 reverted (null only for pre-Byzantium receipts). */
  readonly status: number | null;
  readonly blockNumber: number;
  readonly gasUsed: bigint;
  /** The deployed contract, for a creation. */
  readonly contractAddress: string | null;
  readonly from: string;
}

/** An eth_getTransactionReceipt result (the fields MinedReceipt needs). */
export interface RpcReceipt {
  readonly transactionHash: string;
  readonly status?: string | null;
  readonly blockNumber: string;
  readonly gasUsed: string;
  readonly contractAddress?: string | null;
  readonly from: string;
}

export function receiptFromRpc(raw: RpcReceipt): MinedReceipt {
  return {
    hash: raw.transactionHash,
    status: raw.status === undefined || raw.status === null ? null : Number(BigInt(raw.status)),
    blockNumber: Number(BigInt(raw.blockNumber)),
    gasUsed: BigInt(raw.gasUsed),
    contractAddress: raw.contractAddress ?? null,
    from: raw.from,
  };
}
