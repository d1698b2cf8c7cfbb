import type { StepFingerprint } from "../journal/journal-entry.js";
import type { AccountSigner, SentTransaction } from "./ethers-objects.js";

/** One step a `MigrationSender` sent (or reused): what waiting for it and bumping its fees need. */
export interface SentStep {
  readonly step: number;
  readonly inner: AccountSigner;
  readonly fingerprint: StepFingerprint;
  readonly nonce: number;
  readonly block: number;
  readonly hashes: string[];
  latest: SentTransaction;
}

/** The provider of a signer or response (the sender reads receipts and transactions through it). */
export function providerOf<T extends { provider: unknown }>(holder: T): NonNullable<T["provider"]> {
  if (holder.provider === null || holder.provider === undefined) {
    throw new Error("The deployer signer has no provider.");
  }
  return holder.provider as NonNullable<T["provider"]>;
}
