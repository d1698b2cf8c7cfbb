import { describeError } from "../errors.js";
import type { StepFingerprint } from "../journal/journal-entry.js";
import type { StoreSender } from "../stores/state-store.js";
import { MigrationSender, type TransactionLayer } from "./migration-sender.js";
import type { SendingAccount } from "./sending-account.js";

/**
 * The journal's pseudo migration id of work done for migration `id` outside `migrate`: its
 * `down` (the script's transactions and the unrecord), or recording it without running it
 * (import, bootstrap). Real ids are positive and the Migrator's own deployment is 0.
 */
export function bookkeepingKey(id: number): number {
  return -id;
}

/**
 * Runs `body` with a sender journaled under `key` (see `bookkeepingKey`): started before its first
 * transaction, completed after its last. A run killed in between leaves it open in the journal,
 * and the next attempt of the same work reuses what was sent instead of sending it again.
 */
export async function journaledStep<T>(
  layer: TransactionLayer,
  key: number,
  label: string,
  body: (sender: MigrationSender) => Promise<T>,
): Promise<T> {
  const journal = layer.journal;
  const sender = new MigrationSender(layer, { id: key, fileName: label }, journal?.interrupted().get(key));
  await journal?.migrationStarted(key, label, "0x");
  let result: T;
  try {
    result = await body(sender);
    await sender.drain();
  } catch (error) {
    await journal?.append({ type: "migration-failed", migration: key, reason: describeError(error) });
    throw error;
  }
  await journal?.append({ type: "migration-completed", migration: key });
  return result;
}

/**
 * The store's way to send (see `MigrationStateStore.connect`): each bookkeeping transaction is the
 * next step of `sender`, sent from `owner` and waited for with the run's policy.
 */
export function storeSender(sender: MigrationSender, owner: SendingAccount, kind: StepFingerprint["kind"] = "record"): StoreSender {
  return {
    from: owner.address,
    send: async (request) => sender.wait((await sender.send(owner, { to: request.to, data: request.data }, kind)).hash),
    replaysNext: (request) => sender.replaysNext(request),
  };
}
