import type { TransactionFields } from "./ethers-objects.js";
import { providerOf, type SentStep } from "./sent-step.js";
import type { TransactionLayer } from "./transaction-layer.js";

/**
 * Sends `sent` again with the same nonce and fees raised by the policy's percent (at least 10%,
 * what nodes require of a replacement), journals the replacement, and makes it `sent.latest`.
 */
export async function bumpFees(layer: TransactionLayer, sent: SentStep, migration: number): Promise<{ hash: string; replaces: string }> {
  const percent = BigInt(Math.max(10, Math.ceil(layer.policy.feeBump?.percent ?? 20)));
  const raise = (value: bigint) => (value * (100n + percent) + 99n) / 100n;
  // A response built from what was sent lacks what the node filled in (gas, fees): ask for it.
  const old = sent.latest.gasLimit === 0n ? ((await providerOf(sent.inner).getTransaction(sent.latest.hash)) ?? sent.latest) : sent.latest;
  const request: TransactionFields = {
    to: old.to,
    data: old.data,
    value: old.value,
    gasLimit: old.gasLimit,
    nonce: sent.nonce,
    chainId: old.chainId,
    ...(old.maxFeePerGas !== null && old.maxPriorityFeePerGas !== null
      ? { type: 2, maxFeePerGas: raise(old.maxFeePerGas), maxPriorityFeePerGas: raise(old.maxPriorityFeePerGas) }
      : { gasPrice: raise(old.gasPrice) }),
  };
  const replacement = await sent.inner.sendTransaction(request);
  sent.latest = replacement;
  await layer.journal?.append({ type: "tx-replaced", migration, step: sent.step, hash: replacement.hash, nonce: sent.nonce });
  return { hash: replacement.hash, replaces: old.hash };
}
