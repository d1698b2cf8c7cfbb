import { getAddress, makeError, Signature, TransactionResponse, type Provider, type TransactionReceipt } from "ethers";

import type { SentTransaction } from "../transactions/plain-transaction.js";

/**
 * What the engine sent, as an ethers `TransactionResponse` (built from the request: no
 * `eth_getTransactionByHash` round trip; the node signed it, so the signature is left empty),
 * whose `wait()` is `receipt` — the run's wait (timeout, confirmations, fee bumps), fetched once.
 * Reverted: `wait()` throws as ethers' does. `wait(0)` is ethers' "the receipt if mined, else
 * null, at once" (`peek`).
 */
export function sentResponse(
  provider: Provider,
  sent: SentTransaction,
  receipt: () => Promise<TransactionReceipt>,
  peek: () => Promise<TransactionReceipt | null> = async () => null,
): TransactionResponse {
  const eip1559 = sent.maxFeePerGas !== undefined;
  const response = new TransactionResponse(
    {
      blockNumber: sent.blockNumber ?? null,
      blockHash: null,
      hash: sent.hash,
      index: 0,
      type: eip1559 ? 2 : 0,
      to: sent.to === null ? null : getAddress(sent.to),
      from: getAddress(sent.from),
      nonce: sent.nonce,
      gasLimit: sent.gas ?? 0n,
      gasPrice: sent.gasPrice ?? sent.maxFeePerGas ?? 0n,
      maxPriorityFeePerGas: sent.maxPriorityFeePerGas ?? null,
      maxFeePerGas: sent.maxFeePerGas ?? null,
      maxFeePerBlobGas: null,
      data: sent.data,
      value: sent.value,
      chainId: sent.chainId ?? 0n,
      signature: EMPTY_SIGNATURE,
      accessList: null,
      blobVersionedHashes: null,
      authorizationList: null,
    },
    provider,
  );
  Object.defineProperty(response, "wait", {
    configurable: true,
    value: async (confirms?: number): Promise<TransactionReceipt | null> => {
      if (confirms === 0) {
        return peek();
      }
      const mined = await receipt();
      if (mined.status !== 1) {
        throw makeError("transaction execution reverted", "CALL_EXCEPTION", {
          action: "sendTransaction",
          data: null,
          reason: null,
          invocation: null,
          revert: null,
          transaction: { to: response.to, from: response.from, data: response.data },
          receipt: mined,
        });
      }
      return mined;
    },
  });
  return response;
}

const EMPTY_SIGNATURE = Signature.from({ r: `0x${"00".repeat(32)}`, s: `0x${"00".repeat(32)}`, v: 27 });
