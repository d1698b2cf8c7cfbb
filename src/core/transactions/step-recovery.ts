import { MigrationsError } from "../errors.js";
import type { StepFingerprint } from "../journal/journal-entry.js";
import type { JournaledStep } from "../journal/journal.js";
import type { Eip1193Provider } from "../provider.js";
import { sleep } from "../sleep.js";
import { findMinedByNonce, type MinedTransaction } from "./find-by-nonce.js";
import { count } from "./nonce-manager.js";
import { transactionFromRpc, type RpcTransaction, type SentTransaction } from "./plain-transaction.js";
import { readReceipt } from "./receipt-waiter.js";
import { matches } from "./step-fingerprint.js";
import type { TransactionLayer } from "./transaction-layer.js";

/** The transaction `hash` as the node has it (pending or mined), or undefined when it does not know it. */
export async function readTransaction(provider: Eip1193Provider, hash: string): Promise<SentTransaction | undefined> {
  const raw = (await provider.request({ method: "eth_getTransactionByHash", params: [hash] })) as RpcTransaction | null;
  return raw === null || raw === undefined ? undefined : transactionFromRpc(raw);
}

/** The transaction with `nonce`, if it is ours (same payload); waits for it when `inPool`. */
export async function adoptStep(
  layer: TransactionLayer,
  file: string,
  { fingerprint, nonce, block }: { fingerprint: StepFingerprint; nonce: number; block: number },
  inPool: boolean,
): Promise<SentTransaction | undefined> {
  const mined = inPool ? await waitForNonce(layer, file, fingerprint.from, nonce, block) : await findMinedByNonce(layer.provider, fingerprint.from, nonce, block);
  if (mined === undefined || !matches(mined, fingerprint)) {
    return undefined;
  }
  return readTransaction(layer.provider, mined.hash);
}

/**
 * An interrupted run's step, found on chain: by its hashes, else by its nonce. `undefined`
 * means it never happened (never sent, dropped, reverted, or its nonce went to another
 * transaction): it is sent again.
 */
export async function recoverStep(layer: TransactionLayer, file: string, recorded: JournaledStep): Promise<SentTransaction | undefined> {
  const { provider } = layer;
  const hashes = [...new Set([...(recorded.mined !== undefined ? [recorded.mined.hash] : []), ...[...recorded.hashes].reverse()])];
  for (const hash of hashes) {
    const found = await readTransaction(provider, hash);
    if (found === undefined) {
      continue;
    }
    if (found.blockNumber === null) {
      return found; // still pending: the migration waits for it like for any other
    }
    const receipt = await readReceipt(provider, hash);
    return receipt?.status === 1 ? found : undefined;
  }
  if (recorded.failed === true && recorded.hashes.length === 0) {
    return undefined;
  }
  const { from } = recorded.fingerprint;
  let mined = await findMinedByNonce(provider, from, recorded.nonce, recorded.block);
  if (mined === undefined && (await count(provider, from, "pending")) > recorded.nonce) {
    // In the node's pool, but the run died before it learnt the hash: wait until it is mined.
    mined = await waitForNonce(layer, file, from, recorded.nonce, recorded.block);
  }
  if (mined === undefined || !matches(mined, recorded.fingerprint)) {
    return undefined;
  }
  const receipt = await readReceipt(provider, mined.hash);
  return receipt?.status === 1 ? readTransaction(provider, mined.hash) : undefined;
}

async function waitForNonce(layer: TransactionLayer, file: string, from: string, nonce: number, block: number): Promise<MinedTransaction | undefined> {
  const { policy, provider } = layer;
  const started = Date.now();
  while ((await count(provider, from, "latest")) <= nonce) {
    if (Date.now() - started >= policy.timeoutMs) {
      throw new MigrationsError("TX_TIMEOUT", { hash: "(hash not known yet)", nonce, file, seconds: policy.timeoutMs / 1000 });
    }
    await sleep(policy.pollMs);
  }
  return findMinedByNonce(provider, from, nonce, block);
}
