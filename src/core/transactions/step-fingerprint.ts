import { keccak256 } from "../eth/index.js";
import type { StepFingerprint } from "../journal/journal-entry.js";
import type { MinedTransaction } from "./find-by-nonce.js";

/** The fingerprint of a transaction about to be sent: what a resumed run must send again, identically. */
export function fingerprintOf(from: string, to: string | null, data: string | undefined | null, value: unknown, kind: StepFingerprint["kind"]): StepFingerprint {
  return { from, to, data: keccak256(data ?? "0x"), value: BigInt((value as bigint | undefined) ?? 0).toString(), kind };
}

/** Whether a send carries the same payload (`to`, `data`) as the journaled step `recorded`. */
export function samePayload(recorded: StepFingerprint, tx: { readonly to: string | null; readonly data: string }): boolean {
  return recorded.to === (tx.to === null ? null : tx.to.toLowerCase()) && recorded.data === keccak256(tx.data);
}

/** How `now` differs from the journaled `recorded` (undefined: the same step). */
export function compare(recorded: StepFingerprint, now: StepFingerprint): string | undefined {
  if (recorded.kind !== now.kind) {
    return `it was ${describe(recorded)}, now it is ${describe(now)}`;
  }
  if (recorded.from !== now.from) {
    return `it was sent from ${recorded.from}, now from ${now.from}`;
  }
  if (recorded.to !== now.to) {
    return `it was ${describe(recorded)}, now it is ${describe(now)}`;
  }
  // The bookkeeping record carries the file's hash, which may change between attempts.
  if (now.kind === "call" && (recorded.data !== now.data || recorded.value !== now.value)) {
    return `same target, but different ${recorded.data !== now.data ? "calldata (function or arguments)" : "value"}`;
  }
  return undefined;
}

function describe(f: StepFingerprint): string {
  return f.kind === "record" ? "the record of the migration" : f.to === null ? "a contract creation" : `a transaction to ${f.to}`;
}

/** Whether a mined transaction is the step of `fingerprint` (same target, value and calldata). */
export function matches(mined: MinedTransaction, fingerprint: StepFingerprint): boolean {
  const to = mined.to === null ? null : mined.to.toLowerCase();
  return (
    to === fingerprint.to &&
    mined.value.toString() === fingerprint.value &&
    (fingerprint.kind === "record" || keccak256(mined.input) === fingerprint.data)
  );
}
