import { getAddress, TransactionReceipt, type LogParams, type Provider } from "ethers";

import type { ChainReceipt } from "../transactions/plain-transaction.js";

type Raw = Readonly<Record<string, unknown>>;

/** The engine's receipt as an ethers `TransactionReceipt` (logs included), read from the node's own JSON: no second round trip. */
export function ethersReceipt(receipt: ChainReceipt, provider: Provider): TransactionReceipt {
  const raw = receipt.raw as Raw;
  const text = (key: string) => (typeof raw[key] === "string" ? (raw[key] as string) : null);
  const quantity = (key: string) => (typeof raw[key] === "string" ? BigInt(raw[key] as string) : null);
  const logs: LogParams[] = ((raw.logs as Raw[] | undefined) ?? []).map((log) => ({
    transactionHash: String(log.transactionHash),
    blockHash: String(log.blockHash),
    blockNumber: Number(BigInt(log.blockNumber as string)),
    removed: log.removed === true,
    address: getAddress(String(log.address)),
    data: String(log.data),
    topics: (log.topics as string[] | undefined) ?? [],
    index: Number(BigInt((log.logIndex as string | undefined) ?? "0x0")),
    transactionIndex: Number(BigInt((log.transactionIndex as string | undefined) ?? "0x0")),
  }));
  return new TransactionReceipt(
    {
      to: text("to") === null ? null : getAddress(text("to")!),
      from: getAddress(receipt.from),
      contractAddress: receipt.contractAddress === null ? null : getAddress(receipt.contractAddress),
      hash: receipt.hash,
      index: Number(quantity("transactionIndex") ?? 0n),
      blockHash: text("blockHash") ?? "",
      blockNumber: receipt.blockNumber,
      logsBloom: text("logsBloom") ?? "0x",
      logs,
      gasUsed: receipt.gasUsed,
      blobGasUsed: quantity("blobGasUsed"),
      cumulativeGasUsed: quantity("cumulativeGasUsed") ?? receipt.gasUsed,
      gasPrice: receipt.effectiveGasPrice,
      blobGasPrice: quantity("blobGasPrice"),
      type: Number(quantity("type") ?? 0n),
      status: receipt.status,
      root: text("root"),
    },
    provider,
  );
}
