import { MigrationsError } from "../errors.js";
import { type Eip1193Provider, headBlock } from "../provider.js";
import { findMinedByNonce } from "./find-by-nonce.js";
import { count } from "./nonce-manager.js";
import { chainReceipt, type ChainReceipt } from "./plain-transaction.js";
import type { TransactionPolicy } from "./transaction-policy.js";

export interface WaitTarget {
  /** The hashes sent for this nonce so far (the original, then replacements). */
  readonly hashes: string[];
  /** The sender and nonce (undefined for a transaction the run did not send: no check of who used the nonce). */
  readonly from?: string;
  readonly nonce?: number;
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
  provider: Eip1193Provider,
  target: WaitTarget,
  policy: TransactionPolicy,
  bump?: () => Promise<string>,
  watch: WaitWatch = {},
): Promise<ChainReceipt> {
  const started = Date.now();
  let lastSend = started;
  let bumps = 0;
  const progress = watchProgress(provider, policy, started, watch);
  for (let round = 0; ; round++) {
    for (const hash of [...target.hashes].reverse()) {
      const receipt = await readReceipt(provider, hash);
      if (receipt !== null) {
        const confirmed = policy.confirmations > 1 ? await confirm(provider, receipt, target, policy, started, watch, progress) : receipt;
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
    if (round % 10 === 9 && target.from !== undefined && target.nonce !== undefined && (await count(provider, target.from, "latest")) > target.nonce) {
      // The nonce is used, and by none of our hashes so far: whose is it?
      const mined = await findMinedByNonce(provider, target.from, target.nonce, target.block);
      if (mined !== undefined && !target.hashes.some((h) => h.toLowerCase() === mined.hash.toLowerCase())) {
        throw new MigrationsError("NONCE_TAKEN", { nonce: target.nonce, from: target.from, file: target.file, hash: mined.hash });
      }
    }
    await progress(0);
    await pause(policy.pollMs, target, watch.signal);
  }
}

/** What a wait reports to, and what stops it. */
export interface WaitWatch {
  /** Called while the transaction is not mined (or not confirmed) yet, at most about once a second. */
  readonly onWaiting?: (progress: { elapsedMs: number; blocks: number; confirmations: number; required: number }) => void;
  /** Aborted (Ctrl-C): the wait stops with INTERRUPTED; the transaction stays in the journal. */
  readonly signal?: AbortSignal;
}

/**
 * Reports progress (at once, then once a second or when a confirmation came), reading the head only then:
 * blocks are counted from the head at the first report (just after the send).
 */
function watchProgress(provider: Eip1193Provider, policy: TransactionPolicy, started: number, watch: WaitWatch) {
  let last = -Infinity;
  let lastConfirmations = -1;
  let base: number | undefined;
  return async (confirmations: number) => {
    const now = Date.now();
    if (watch.onWaiting === undefined || (now - last < 1000 && confirmations === lastConfirmations)) {
      return;
    }
    last = now;
    lastConfirmations = confirmations;
    const head = await headBlock(provider);
    base ??= head;
    watch.onWaiting({ elapsedMs: now - started, blocks: head - base, confirmations, required: Math.max(1, policy.confirmations) });
  };
}

function pause(ms: number, target: WaitTarget, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted === true) {
    return Promise.reject(interrupted(target));
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(interrupted(target));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function interrupted(target: WaitTarget): MigrationsError {
  return new MigrationsError("INTERRUPTED", { where: `while ${target.file} waited for transaction ${target.hashes.at(-1) ?? "(unknown)"} (it is in the journal)` });
}

async function confirm(
  provider: Eip1193Provider,
  receipt: ChainReceipt,
  target: WaitTarget,
  policy: TransactionPolicy,
  started: number,
  watch: WaitWatch,
  progress: (confirmations: number) => Promise<void>,
): Promise<ChainReceipt | null> {
  const needed = receipt.blockNumber + policy.confirmations - 1;
  let head: number;
  while ((head = await headBlock(provider)) < needed) {
    if (Date.now() - started >= policy.timeoutMs) {
      throw timeout({ ...target, hashes: [receipt.hash] }, policy);
    }
    await progress(head - receipt.blockNumber + 1);
    await pause(policy.pollMs, target, watch.signal);
  }
  // Still there after the confirmations (not reorganised away)? Otherwise keep waiting.
  return readReceipt(provider, receipt.hash);
}

/** The receipt of `hash`, or null while it is not mined. */
export async function readReceipt(provider: Eip1193Provider, hash: string): Promise<ChainReceipt | null> {
  const raw = (await provider.request({ method: "eth_getTransactionReceipt", params: [hash] })) as ChainReceipt["raw"] | null;
  return raw === null || raw === undefined ? null : chainReceipt(raw);
}

function timeout(target: WaitTarget, policy: TransactionPolicy): MigrationsError {
  return new MigrationsError("TX_TIMEOUT", {
    hash: target.hashes.at(-1) ?? "(unknown)",
    nonce: target.nonce ?? "unknown",
    file: target.file,
    seconds: Math.round(policy.timeoutMs / 100) / 10,
  });
}
