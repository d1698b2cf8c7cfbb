import type { StepFingerprint } from "../journal/journal-entry.js";
import type { PlainTransaction, SentTransaction } from "./plain-transaction.js";
import { isRejectedForFees, readDevChainFees, rpcRequest } from "./provider-send.js";
import type { SendingAccount } from "./sending-account.js";
import type { TransactionLayer } from "./transaction-layer.js";

/**
 * Puts one journaled step on the wire with `nonce`: one `eth_sendTransaction` of its fields through
 * `account` (on dev chains with the gas and fees read once per run, so that Hardhat or the node
 * adds no estimate and no fee lookup), answered with what was sent: no round trip to read it back.
 */
export async function dispatch(layer: TransactionLayer, account: SendingAccount, tx: PlainTransaction, fingerprint: StepFingerprint, nonce: number): Promise<SentTransaction> {
  let fees = layer.isDevChain ? await (layer.devChainFees ??= readDevChainFees(layer.provider).catch(() => undefined)) : undefined;
  let request = rpcRequest(tx, fingerprint.from, fingerprint.to, nonce, fees);
  let hash: string;
  try {
    hash = await account.send(request);
  } catch (error) {
    if (fees === undefined || !isRejectedForFees(error)) {
      throw error;
    }
    // Refused before reaching the pool (base fee rose, balance short of gas × fee): read the
    // fees again for later sends, and let Hardhat or the node fill this one's.
    layer.devChainFees = undefined;
    fees = undefined;
    request = rpcRequest(tx, fingerprint.from, fingerprint.to, nonce, undefined);
    hash = await account.send(request);
  }
  const chainId = await (layer.chainId ??= layer.provider.request({ method: "eth_chainId" }).then((id) => BigInt(id as string)));
  return sentFromRequest(hash, request, chainId);
}

/** What was sent, from the request as it went out. */
function sentFromRequest(hash: string, request: Record<string, unknown>, chainId: bigint): SentTransaction {
  const quantity = (key: string) => (typeof request[key] === "string" ? { [key]: BigInt(request[key]) } : {});
  return {
    hash,
    from: String(request.from),
    to: typeof request.to === "string" ? request.to : null,
    nonce: Number(BigInt(request.nonce as string)),
    data: typeof request.data === "string" ? request.data : "0x",
    value: typeof request.value === "string" ? BigInt(request.value) : 0n,
    chainId,
    ...quantity("gas"),
    ...quantity("gasPrice"),
    ...quantity("maxFeePerGas"),
    ...quantity("maxPriorityFeePerGas"),
  };
}
