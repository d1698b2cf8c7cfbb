import type { StepFingerprint } from "../journal/journal-entry.js";
import type { SentTransaction } from "./plain-transaction.js";
import type { SendingAccount } from "./sending-account.js";

/** One step a `MigrationSender` sent (or reused): what waiting for it and bumping its fees need. */
export interface SentStep {
  readonly step: number;
  readonly account: SendingAccount;
  readonly fingerprint: StepFingerprint;
  readonly nonce: number;
  readonly block: number;
  readonly hashes: string[];
  latest: SentTransaction;
}
