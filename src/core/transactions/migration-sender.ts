import { MigrationsError, describeError } from "../errors.js";
import { failpoint } from "../failpoints.js";
import type { StepFingerprint } from "../journal/journal-entry.js";
import type { InterruptedMigration } from "../journal/journal.js";
import type { MigrationFile } from "../migration-file.js";
import { type Eip1193Provider, headBlock } from "../provider.js";
import { isAlreadyKnown, isNonceTooLow } from "./nonce-manager.js";
import { dispatch } from "./dispatch.js";
import { bumpFees } from "./fee-bump.js";
import type { ChainReceipt, PlainTransaction, SentTransaction } from "./plain-transaction.js";
import { waitForReceipt } from "./receipt-waiter.js";
import type { SendingAccount } from "./sending-account.js";
import type { SentStep } from "./sent-step.js";
import { compare, fingerprintOf, samePayload } from "./step-fingerprint.js";
import { adoptStep, recoverStep } from "./step-recovery.js";
import type { TransactionLayer } from "./transaction-layer.js";

export { createTransactionLayer, type TransactionLayer } from "./transaction-layer.js";

/**
 * Sends a migration's transactions as numbered steps, in the order the script asks for them:
 * each is journaled before it is sent (with the nonce the plugin assigned), once sent, and once
 * mined. When the migration was interrupted before, a step the journal already has is not sent
 * again: it is found on chain (by hash, else by nonce) and reused, unless it never made it.
 */
export class MigrationSender {
  /** Every transaction sent (or reused) through this migration's accounts, in step order. */
  readonly sent: SentTransaction[] = [];
  /** How many steps were reused from an interrupted run instead of being sent. */
  reused = 0;
  #nextStep = 0;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #byHash = new Map<string, SentStep>();
  readonly #receipts = new Map<string, Promise<ChainReceipt>>();

  constructor(
    private readonly layer: TransactionLayer,
    private readonly migration: Pick<MigrationFile, "id" | "fileName">,
    private readonly interrupted?: InterruptedMigration,
  ) {}

  /**
   * Whether the next step replays a step an interrupted run journaled with this very payload (`to`
   * and `data`): such a send must go through here, where the journaled transaction is found and
   * reused, even when its effect is already on chain (a CREATE2 deployment that was mined).
   */
  replaysNext(tx: { readonly to: string | null; readonly data: string }): boolean {
    const recorded = this.interrupted?.steps.get(this.#nextStep);
    return recorded !== undefined && samePayload(recorded.fingerprint, tx);
  }

  /** The run's node, and whether it is a dev chain (deterministic deployments check code there first). */
  get chain(): { readonly provider: Eip1193Provider; readonly isDevChain: boolean } {
    return { provider: this.layer.provider, isDevChain: this.layer.isDevChain };
  }

  /** Whether `hash` is a transaction this sender sent (or reused). */
  has(hash: string): boolean {
    return this.#byHash.has(hash.toLowerCase());
  }

  /** Sends `tx` from `account` as the migration's next step (steps are numbered at call time). */
  send(account: SendingAccount, tx: PlainTransaction, kind: StepFingerprint["kind"] = "call"): Promise<SentTransaction> {
    const step = this.#nextStep++;
    const run = this.#queue.then(() => this.#sendStep(step, account, tx, kind));
    this.#queue = run.catch(() => {});
    return run;
  }

  /**
   * Resolves once every send asked for so far went out, transactions the script did not await
   * included. (A send that failed rejected the promise the script got: the script decides.)
   */
  async drain(): Promise<void> {
    await this.#queue;
  }

  /**
   * Waits for a transaction this sender sent, with the run's policy; journals it as mined. Asked
   * twice for one transaction (ctx.deploy, then the end of the migration), it fetches once. A hash
   * it did not send is waited for with the run's timeout (nothing journaled).
   */
  wait(hash: string): Promise<ChainReceipt> {
    const key = hash.toLowerCase();
    let receipt = this.#receipts.get(key);
    if (receipt === undefined) {
      receipt = this.#wait(hash);
      receipt.catch(() => this.#receipts.delete(key));
      this.#receipts.set(key, receipt);
    }
    return receipt;
  }

  async #wait(hash: string): Promise<ChainReceipt> {
    const sent = this.#byHash.get(hash.toLowerCase());
    const target = {
      hashes: sent?.hashes ?? [hash],
      ...(sent !== undefined ? { from: sent.fingerprint.from, nonce: sent.nonce } : {}),
      block: sent?.block ?? 0,
      file: this.migration.fileName,
    };
    const bump =
      sent === undefined
        ? undefined
        : async () => {
            const { hash: replacement, replaces } = await bumpFees(this.layer, sent, this.migration.id);
            this.#byHash.set(replacement.toLowerCase(), sent);
            this.#sent(replacement, sent.nonce, sent.fingerprint, { replaces });
            return replacement;
          };
    const { emit, signal } = this.layer;
    const receipt = await waitForReceipt(this.layer.provider, target, this.layer.policy, bump, {
      ...(emit !== undefined ? { onWaiting: (progress) => emit({ type: "tx-waiting", hash: target.hashes.at(-1)!, ...progress }) } : {}),
      ...(signal !== undefined ? { signal } : {}),
    });
    this.layer.lastSeenBlock = Math.max(this.layer.lastSeenBlock, receipt.blockNumber);
    emit?.({ type: "tx-mined", hash: receipt.hash, blockNumber: receipt.blockNumber, gasUsed: receipt.gasUsed, effectiveGasPrice: receipt.effectiveGasPrice, cost: receipt.gasUsed * receipt.effectiveGasPrice });
    if (sent !== undefined) {
      await this.layer.journal?.append({
        type: "tx-mined",
        migration: this.migration.id,
        step: sent.step,
        hash: receipt.hash,
        block: receipt.blockNumber,
        status: receipt.status ?? 0,
        ...(receipt.contractAddress !== null ? { contractAddress: receipt.contractAddress } : {}),
      });
      failpoint("tx-after-mined");
    }
    return receipt;
  }

  async #sendStep(step: number, account: SendingAccount, tx: PlainTransaction, kind: StepFingerprint["kind"]): Promise<SentTransaction> {
    if (this.layer.signal?.aborted === true) {
      throw new MigrationsError("INTERRUPTED", { where: `before ${this.migration.fileName} sent its transaction #${step + 1}` });
    }
    const from = account.address.toLowerCase();
    const to = tx.to === null ? null : tx.to.toLowerCase();
    const fingerprint = fingerprintOf(from, to, tx.data, tx.value, kind);

    const recorded = this.interrupted?.steps.get(step);
    if (recorded !== undefined) {
      const difference = compare(recorded.fingerprint, fingerprint);
      if (difference !== undefined) {
        throw new MigrationsError("JOURNAL_DIVERGED", { file: this.migration.fileName, step: step + 1, difference, id: this.migration.id });
      }
      const reused = await recoverStep(this.layer, this.migration.fileName, recorded);
      if (reused !== undefined) {
        this.reused += 1;
        this.#sent(reused.hash, recorded.nonce, fingerprint, { reused: true });
        return this.#track({ step, account, fingerprint, nonce: recorded.nonce, block: recorded.block, hashes: [reused.hash], latest: reused });
      }
    }
    return this.#sendFresh(step, account, tx, fingerprint);
  }

  async #sendFresh(step: number, account: SendingAccount, tx: PlainTransaction, fingerprint: StepFingerprint): Promise<SentTransaction> {
    const { journal, nonces } = this.layer;
    const explicit = tx.nonce;
    let nonce = explicit ?? (await nonces.take(fingerprint.from));
    const block = this.layer.isDevChain ? this.layer.lastSeenBlock : await this.#head();
    const migration = this.migration.id;
    for (let attempt = 0; ; attempt++) {
      await journal?.append({ type: "tx-sending", migration, step, nonce, block, ...fingerprint });
      failpoint("tx-before-send");
      let response: SentTransaction;
      try {
        response = await dispatch(this.layer, account, tx, fingerprint, nonce);
      } catch (error) {
        if (isAlreadyKnown(error) || isNonceTooLow(error)) {
          // The node may already have this very transaction (a retried request through a load
          // balancer): if the nonce is ours with our payload, adopt it instead of sending again.
          const adopted = await adoptStep(this.layer, this.migration.fileName, { fingerprint, nonce, block }, isAlreadyKnown(error));
          if (adopted !== undefined) {
            response = adopted;
          } else if (explicit === undefined && attempt < 4) {
            await nonces.refresh(fingerprint.from, nonce + 1);
            nonce = await nonces.take(fingerprint.from);
            continue;
          } else {
            throw await this.#failed(step, fingerprint, error);
          }
        } else {
          throw await this.#failed(step, fingerprint, error);
        }
      }
      await journal?.append({ type: "tx-sent", migration, step, hash: response.hash, nonce });
      failpoint("tx-after-send");
      this.#sent(response.hash, nonce, fingerprint);
      return this.#track({ step, account, fingerprint, nonce, block, hashes: [response.hash], latest: response });
    }
  }


  async #failed(step: number, fingerprint: StepFingerprint, error: unknown): Promise<unknown> {
    this.layer.nonces.forget(fingerprint.from);
    await this.layer.journal?.append({ type: "tx-failed", migration: this.migration.id, step, reason: describeError(error) });
    return error;
  }

  #sent(hash: string, nonce: number, fingerprint: StepFingerprint, extra: { reused?: boolean; replaces?: string } = {}): void {
    const label = fingerprint.kind === "record" ? "record" : fingerprint.to === null ? "create" : "call";
    const migration = { id: this.migration.id, fileName: this.migration.fileName };
    this.layer.emit?.({ type: "tx-sent", migration, hash, nonce, from: fingerprint.from, to: fingerprint.to, label, ...extra });
  }

  #track(sent: SentStep): SentTransaction {
    this.#byHash.set(sent.latest.hash.toLowerCase(), sent);
    this.sent.push(sent.latest);
    return sent.latest;
  }

  async #head(): Promise<number> {
    return headBlock(this.layer.provider);
  }
}

