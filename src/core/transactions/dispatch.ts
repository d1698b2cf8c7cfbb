import type { StepFingerprint } from "../journal/journal-entry.js";
import type { AccountSigner, SentTransaction, TransactionFields } from "./ethers-objects.js";
import { sentResponse } from "./ethers-sent-response.js";
import { isRejectedForFees, readDevChainFees, rpcRequest } from "./provider-send.js";
import { providerOf } from "./sent-step.js";
import type { TransactionLayer } from "./transaction-layer.js";

/** Request fields the raw path sends as they are (anything else goes through the signer). */
const RAW_FIELDS = new Set(["to", "from", "data", "value", "nonce", "gasLimit", "gasPrice", "maxFeePerGas", "maxPriorityFeePerGas", "chainId", "type"]);

/**
 * Puts one journaled step on the wire with `nonce`: as a plain `eth_sendTransaction` when the
 * layer's accounts sign through the provider (see `providerAccounts`; on dev chains with the gas
 * and fees read once per run), else through the signer.
 */
export async function dispatch(layer: TransactionLayer, inner: AccountSigner, tx: TransactionFields, fingerprint: StepFingerprint, nonce: number): Promise<SentTransaction> {
  const simple = Object.keys(tx).every((key) => RAW_FIELDS.has(key) || (tx as Record<string, unknown>)[key] === undefined || (tx as Record<string, unknown>)[key] === null);
  if (!layer.providerAccounts || !simple) {
    return inner.sendTransaction({ ...tx, nonce });
  }
  // On dev chains the plugin fills gas and fees itself (read once per run): one round trip.
  let fees = layer.isDevChain ? await (layer.devChainFees ??= readDevChainFees(layer.provider).catch(() => undefined)) : undefined;
  let request = rpcRequest(tx, fingerprint.from, fingerprint.to, nonce, fees);
  let hash: string;
  try {
    hash = (await layer.provider.request({ method: "eth_sendTransaction", params: [request] })) as string;
  } catch (error) {
    if (fees === undefined || !isRejectedForFees(error)) {
      throw error;
    }
    // Refused before reaching the pool (base fee rose, balance short of gas × fee): read the
    // fees again for later sends, and let Hardhat or the node fill this one's.
    layer.devChainFees = undefined;
    fees = undefined;
    request = rpcRequest(tx, fingerprint.from, fingerprint.to, nonce, undefined);
    hash = (await layer.provider.request({ method: "eth_sendTransaction", params: [request] })) as string;
  }
  const chainId = (layer.chainId ??= layer.provider.request({ method: "eth_chainId" }).then((id) => BigInt(id as string)));
  return sentResponse(providerOf(inner), hash, request, await chainId);
}
