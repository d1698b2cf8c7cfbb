import { MigrationsError } from "../errors.js";
import type { StepFingerprint } from "../journal/journal-entry.js";
import type { JournaledStep } from "../journal/journal.js";
import { sleep } from "../sleep.js";
import type { ChainReader, SentTransaction } from "./ethers-objects.js";
import { findMinedByNonce, type MinedTransaction } from "./find-by-nonce.js";
import { count } from "./nonce-manager.js";
import { matches } from "./step-fingerprint.js";
import type { TransactionLayer } from "./transaction-layer.js";

/** The transaction with `nonce`, if it is ours (same payload); waits for it when `inPool`. */
export async function adoptStep(
  layer: TransactionLayer,
  file: string,
  { fingerprint, nonce, block }: { fingerprint: StepFingerprint; nonce: number; block: number },
  provider: ChainReader,
  inPool: boolean,
): Promise<SentTransaction | undefined> {
  const mined = inPool ? await waitForNonce(layer, file, fingerprint.from, nonce, block) : await findMinedByNonce(layer.provider, fingerprint.from, nonce, block);
  if (mined === undefined || !matches(mined, fingerprint)) {
    return undefined;
  }
  return (await provider.getTransaction(mined.hash)) ?? undefined;
}

/**
 * An interrupted run's step, found on chain: by its hashes, else by its nonce. `undefined`
 * means it never happened (never sent, dropped, reverted, or its nonce went to another
 * transaction): it is sent again.
 */
export async function recoverStep(layer: TransactionLayer, file: string, recorded: JournaledStep, provider: ChainReader): Promise<SentTransaction | undefined> {
  const hashes = [...new Set([...(recorded.mined !== undefined ? [recorded.mined.hash] : []), ...[...recorded.hashes].reverse()])];
  for (const hash of hashes) {
    const response = await provider.getTransaction(hash);
    if (response === null) {
      continue;
    }
    if (response.blockNumber === null) {
      return response; // still pending: the migration waits for it like for any other
    }
    const receipt = await provider.getTransactionReceipt(hash);
    return receipt?.status === 1 ? response : undefined;
  }
  if (recorded.failed === true && recorded.hashes.length === 0) {
    return undefined;
  }
  const { from } = recorded.fingerprint;
  let mined = await findMinedByNonce(layer.provider, from, recorded.nonce, recorded.block);
  if (mined === undefined && (await count(layer.provider, from, "pending")) > recorded.nonce) {
    // In the node's pool, but the run died before it learnt the hash: wait until it is mined.
    mined = await waitForNonce(layer, file, from, recorded.nonce, recorded.block);
  }
  if (mined === undefined || !matches(mined, recorded.fingerprint)) {
    return undefined;
  }
  const receipt = await provider.getTransactionReceipt(mined.hash);
  return receipt?.status === 1 ? ((await provider.getTransaction(mined.hash)) ?? undefined) : undefined;
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
