import { readTransaction } from "./step-recovery.js";
import { rpcRequest } from "./provider-send.js";
import type { SentStep } from "./sent-step.js";
import type { TransactionLayer } from "./transaction-layer.js";

/**
 * Sends `sent` again with the same nonce and fees raised by the policy's percent (at least 10%,
 * what nodes require of a replacement), journals the replacement, and makes it `sent.latest`.
 */
export async function bumpFees(layer: TransactionLayer, sent: SentStep, migration: number): Promise<{ hash: string; replaces: string }> {
  const percent = BigInt(Math.max(10, Math.ceil(layer.policy.feeBump?.percent ?? 20)));
  const raise = (value: bigint) => (value * (100n + percent) + 99n) / 100n;
  // What was sent may lack what the node filled in (gas, fees): ask the node for it.
  const old = sent.latest.gas === undefined || (sent.latest.gasPrice === undefined && sent.latest.maxFeePerGas === undefined)
    ? ((await readTransaction(layer.provider, sent.latest.hash)) ?? sent.latest)
    : sent.latest;
  const fees =
    old.maxFeePerGas !== undefined && old.maxPriorityFeePerGas !== undefined
      ? { maxFeePerGas: raise(old.maxFeePerGas), maxPriorityFeePerGas: raise(old.maxPriorityFeePerGas) }
      : { gasPrice: raise(old.gasPrice ?? 0n) };
  const request = rpcRequest(
    { to: old.to, data: old.data, value: old.value, ...(old.gas !== undefined ? { gas: old.gas } : {}), ...fees },
    sent.fingerprint.from,
    old.to,
    sent.nonce,
    undefined,
  );
  const hash = await sent.account.send(request);
  sent.latest = { ...old, ...fees, hash, nonce: sent.nonce };
  await layer.journal?.append({ type: "tx-replaced", migration, step: sent.step, hash, nonce: sent.nonce });
  return { hash, replaces: old.hash };
}
