/** How the engine waits for the transactions it sends. */
export interface TransactionPolicy {
  /**
   * Blocks that must include and build on a transaction before it counts: 1 = mined (the
   * default). 0 is accepted on dev chains only and, like 1, uses a transaction once it is mined.
   */
  readonly confirmations: number;
  /** How long one transaction may take to be mined (and confirmed) before TX_TIMEOUT. */
  readonly timeoutMs: number;
  /** Delay between two receipt checks (the first check is immediate). */
  readonly pollMs: number;
  /** Replace a transaction that is not mined after a while with the same one at a higher fee. */
  readonly feeBump?: FeeBumpPolicy;
}

export interface FeeBumpPolicy {
  /** Wait this long for a transaction (and for each replacement) before bumping its fee. */
  readonly afterMs: number;
  /** Raise maxFeePerGas and maxPriorityFeePerGas (or gasPrice) by this percentage (>= 10). */
  readonly percent: number;
  /** Give up bumping after this many replacements (then only the timeout applies). */
  readonly maxBumps: number;
}

/** Defaults: patient on live networks, quick to poll on dev chains, where blocks are instant. */
export function defaultTransactionPolicy(isDevChain: boolean): TransactionPolicy {
  return isDevChain
    ? { confirmations: 1, timeoutMs: 60_000, pollMs: 20 }
    : { confirmations: 1, timeoutMs: 600_000, pollMs: 2_000 };
}
