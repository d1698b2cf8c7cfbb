import { errorChain } from "../error-chain.js";
import type { Eip1193Provider } from "../provider.js";

/**
 * Assigns nonces per sender: the first from the node's pending count, then one more per send, so
 * that a run never asks a (possibly load-balanced, lagging) node for a count it just changed.
 * After a failed send or a rejected nonce, `refresh` re-reads the count, never going back below
 * what this run has already used.
 */
export class NonceManager {
  readonly #next = new Map<string, number>();

  constructor(private readonly provider: Eip1193Provider) {}

  /** The nonce for `from`'s next transaction, reserved. */
  async take(from: string): Promise<number> {
    const key = from.toLowerCase();
    let next = this.#next.get(key);
    if (next === undefined) {
      next = await this.pendingCount(key);
    }
    this.#next.set(key, next + 1);
    return next;
  }

  /** Forgets what this run assumed for `from`; the next `take` reads the node again. */
  forget(from: string): void {
    this.#next.delete(from.toLowerCase());
  }

  /** Re-reads the pending count, keeping at least `atLeast`; the next `take` returns it. */
  async refresh(from: string, atLeast: number): Promise<void> {
    const key = from.toLowerCase();
    this.#next.set(key, Math.max(await this.pendingCount(key), atLeast));
  }

  async pendingCount(from: string): Promise<number> {
    return count(this.provider, from, "pending");
  }
}

export async function count(provider: Eip1193Provider, from: string, tag: string): Promise<number> {
  return Number(BigInt((await provider.request({ method: "eth_getTransactionCount", params: [from, tag] })) as string));
}

/** A node's "this nonce is used" answer, whatever its wording. */
export function isNonceTooLow(error: unknown): boolean {
  return /nonce (is )?too low|nonce has already been used|transaction nonce is lower|known transaction|NONCE_EXPIRED|replacement transaction underpriced|already imported/i.test(allMessages(error));
}

/** A node's "I have this exact transaction already" answer. */
export function isAlreadyKnown(error: unknown): boolean {
  return /already known|known transaction|ALREADY_EXISTS/i.test(allMessages(error));
}

function allMessages(error: unknown): string {
  const parts: string[] = typeof error === "string" ? [error] : [];
  for (const item of errorChain(error, 20)) {
    const e = item as { message?: unknown; shortMessage?: unknown; code?: unknown; error?: unknown; cause?: unknown; info?: unknown };
    for (const value of [e.message, e.shortMessage, e.code, e.error, e.cause, e.info]) {
      if (typeof value === "string") {
        parts.push(value);
      }
    }
  }
  return parts.join("\n");
}
