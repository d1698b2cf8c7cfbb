import type { Provider, TransactionReceipt } from "ethers";

import { MigrationsError } from "../errors.js";
import type { Eip1193Provider } from "../provider.js";
import { findMinedByNonce } from "./find-by-nonce.js";
import { count } from "./nonce-manager.js";
import type { TransactionPolicy } from "./transaction-policy.js";
import { sleep } from "../sleep.js";

export interface WaitTarget {
  /** The hashes sent for this nonce so far (the original, then replacements). */
  readonly hashes: string[];
  readonly from: string;
  readonly nonce: number;
  /** The head when it was first sent: where a search by nonce starts. */
  readonly block: number;
  readonly file: string;
}

/**
 * Waits for one of `target.hashes` to be mined with the policy's confirmations. On chains that
 * mine on send the first check finds the receipt: no polling delay. While waiting, bumps the fee
 * (through `bump`, which sends the replacement and returns its hash) when the policy says so,
 * and notices when the nonce was used by a transaction that is none of ours (NONCE_TAKEN).
 */
export async function waitForReceipt(
  provider: Provider,
  eip1193: Eip1193Provider,
  target: WaitTarget,
  policy: TransactionPolicy,
  bump?: () => Promise<string>,
): Promise<TransactionReceipt> {
  const started = Date.now();
  let lastSend = started;
  let bumps = 0;
  for (let round = 0; ; round++) {
    for (const hash of [...target.hashes].reverse()) {
      const receipt = await provider.getTransactionReceipt(hash);
      if (receipt !== null) {
        const confirmed = policy.confirmations > 1 ? await confirm(provider, receipt, target, policy, started) : receipt;
        if (confirmed !== null) {
          return confirmed;
        }
      }
    }
    const now = Date.now();
    if (now - started >= policy.timeoutMs) {
      throw timeout(target, policy);
    }
    const feeBump = policy.feeBump;
    if (bump !== undefined && feeBump !== undefined && bumps < feeBump.maxBumps && now - lastSend >= feeBump.afterMs) {
      target.hashes.push(await bump());
      bumps += 1;
      lastSend = Date.now();
      continue;
    }
    if (round % 10 === 9 && (await count(eip1193, target.from, "latest")) > target.nonce) {
      // The nonce is used, and by none of our hashes so far: whose is it?
      const mined = await findMinedByNonce(eip1193, target.from, target.nonce, target.block);
      if (mined !== undefined && !target.hashes.some((h) => h.toLowerCase() === mined.hash.toLowerCase())) {
        throw new MigrationsError("NONCE_TAKEN", { nonce: target.nonce, from: target.from, file: target.file, hash: mined.hash });
      }
    }
    await sleep(policy.pollMs);
  }
}

async function confirm(
  provider: Provider,
  receipt: TransactionReceipt,
  target: WaitTarget,
  policy: TransactionPolicy,
  started: number,
): Promise<TransactionReceipt | null> {
  const needed = receipt.blockNumber + policy.confirmations - 1;
  while ((await provider.getBlockNumber()) < needed) {
    if (Date.now() - started >= policy.timeoutMs) {
      throw timeout({ ...target, hashes: [receipt.hash] }, policy);
    }
    await sleep(policy.pollMs);
  }
  // Still there after the confirmations (not reorganised away)? Otherwise keep waiting.
  return provider.getTransactionReceipt(receipt.hash);
}

function timeout(target: WaitTarget, policy: TransactionPolicy): MigrationsError {
  return new MigrationsError("TX_TIMEOUT", {
    hash: target.hashes.at(-1) ?? "(unknown)",
    nonce: target.nonce,
    file: target.file,
    seconds: Math.round(policy.timeoutMs / 100) / 10,
  });
}
