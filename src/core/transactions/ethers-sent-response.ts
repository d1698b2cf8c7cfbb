import { getAddress, Signature, TransactionResponse, type Provider } from "ethers";

/**
 * What the node answered `eth_sendTransaction` with, as an ethers response built from the request
 * the plugin sent: no `eth_getTransactionByHash` round trip. (The node signed it; the signature is
 * not known here and is left empty.) The sender still answers ethers responses (its callers are
 * the ethers front-end's signers): this is where the raw path becomes one.
 */
export function sentResponse(provider: Provider, hash: string, request: Record<string, string>, chainId: bigint): TransactionResponse {
  const big = (value: string | undefined) => (value === undefined ? undefined : BigInt(value));
  const eip1559 = request.maxFeePerGas !== undefined;
  return new TransactionResponse(
    {
      blockNumber: null,
      blockHash: null,
      hash,
      index: 0,
      type: eip1559 ? 2 : 0,
      to: request.to === undefined ? null : getAddress(request.to),
      from: getAddress(request.from!),
      nonce: Number(BigInt(request.nonce!)),
      gasLimit: big(request.gas) ?? 0n,
      gasPrice: big(request.gasPrice) ?? big(request.maxFeePerGas) ?? 0n,
      maxPriorityFeePerGas: big(request.maxPriorityFeePerGas) ?? null,
      maxFeePerGas: big(request.maxFeePerGas) ?? null,
      maxFeePerBlobGas: null,
      data: request.data ?? "0x",
      value: big(request.value) ?? 0n,
      chainId,
      signature: EMPTY_SIGNATURE,
      accessList: null,
      blobVersionedHashes: null,
      authorizationList: null,
    },
    provider,
  );
}

const EMPTY_SIGNATURE = Signature.from({ r: `0x${"00".repeat(32)}`, s: `0x${"00".repeat(32)}`, v: 27 });
