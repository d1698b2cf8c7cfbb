import {
  keccak256,
  makeError,
  resolveAddress,
  type Provider,
  type Signer,
  type TransactionReceipt,
  type TransactionRequest,
  type TransactionResponse,
} from "ethers";

import { MigrationsError, describeError } from "../errors.js";
import type { MigrationEventListener } from "../events.js";
import { failpoint } from "../failpoints.js";
import type { StepFingerprint } from "../journal/journal-entry.js";
import type { InterruptedMigration, JournaledStep, Journal } from "../journal/journal.js";
import type { MigrationFile } from "../migration-file.js";
import { type Eip1193Provider, headBlock } from "../provider.js";
import { TrackingSigner } from "../tracking-signer.js";
import { findMinedByNonce, type MinedTransaction } from "./find-by-nonce.js";
import { count, isAlreadyKnown, isNonceTooLow, NonceManager } from "./nonce-manager.js";
import { isRejectedForFees, readDevChainFees, rpcRequest, sentResponse, type DevChainFees } from "./provider-send.js";
import { waitForReceipt } from "./receipt-waiter.js";
import { defaultTransactionPolicy, type TransactionPolicy } from "./transaction-policy.js";
import { sleep } from "../sleep.js";

/** What one run shares between its migrations: the node, the journal, nonces and the policy. */
export interface TransactionLayer {
  readonly provider: Eip1193Provider;
  readonly policy: TransactionPolicy;
  readonly nonces: NonceManager;
  readonly journal?: Journal;
  /**
   * The signers' accounts are the provider's (Hardhat's configured or node accounts): a
   * transaction is one `eth_sendTransaction` of its own fields, and Hardhat or the node fills in
   * gas and fees, instead of ethers' populate round trips.
   */
  readonly providerAccounts: boolean;
  /** Dev chains: the head is not asked before each send (the last block seen is a lower bound). */
  readonly isDevChain: boolean;
  /** The highest block number seen in a receipt: a lower bound for where later transactions land. */
  lastSeenBlock: number;
  /** Receives tx-sent, tx-waiting and tx-mined. */
  readonly emit?: MigrationEventListener;
  /** Once aborted (Ctrl-C), nothing more is sent and waits stop with INTERRUPTED. */
  readonly signal?: AbortSignal;
  /** The chain id (for the responses built from what was sent); read once when not given. */
  chainId?: Promise<bigint>;
  /** Dev chains: the gas and fee fields the plugin fills in, read once per run. */
  devChainFees?: Promise<DevChainFees | undefined> | undefined;
}

export function createTransactionLayer(
  provider: Eip1193Provider,
  options: {
    policy?: TransactionPolicy;
    journal?: Journal;
    isDevChain?: boolean;
    providerAccounts?: boolean;
    emit?: MigrationEventListener;
    signal?: AbortSignal;
    chainId?: number;
  } = {},
): TransactionLayer {
  const isDevChain = options.isDevChain ?? true;
  return {
    ...(options.chainId !== undefined ? { chainId: Promise.resolve(BigInt(options.chainId)) } : {}),
    provider,
    policy: options.policy ?? defaultTransactionPolicy(isDevChain),
    nonces: new NonceManager(provider),
    ...(options.journal !== undefined ? { journal: options.journal } : {}),
    providerAccounts: options.providerAccounts ?? false,
    isDevChain,
    lastSeenBlock: 0,
    ...(options.emit !== undefined ? { emit: options.emit } : {}),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
  };
}

interface SentStep {
  readonly step: number;
  readonly inner: Signer;
  readonly fingerprint: StepFingerprint;
  readonly nonce: number;
  readonly block: number;
  readonly hashes: string[];
  latest: TransactionResponse;
}

/**
 * Sends a migration's transactions as numbered steps, in the order the script asks for them:
 * each is journaled before it is sent (with the nonce the plugin assigned), once sent, and once
 * mined. When the migration was interrupted before, a step the journal already has is not sent
 * again: it is found on chain (by hash, else by nonce) and reused, unless it never made it.
 */
export class MigrationSender {
  /** Every transaction sent (or reused) through this migration's signers, in step order. */
  readonly sent: TransactionResponse[] = [];
  /** How many steps were reused from an interrupted run instead of being sent. */
  reused = 0;
  #nextStep = 0;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #byHash = new Map<string, SentStep>();
  readonly #responses = new Map<string, TransactionResponse>();
  readonly #receipts = new Map<string, Promise<TransactionReceipt>>();

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
    return recorded !== undefined && recorded.fingerprint.to === (tx.to === null ? null : tx.to.toLowerCase()) && recorded.fingerprint.data === keccak256(tx.data);
  }

  /** The run's node, and whether it is a dev chain (deterministic deployments check code there first). */
  get chain(): { readonly provider: Eip1193Provider; readonly isDevChain: boolean } {
    return { provider: this.layer.provider, isDevChain: this.layer.isDevChain };
  }

  /** `inner`, with every transaction sent through it going through this sender. */
  signer(inner: Signer, kind: StepFingerprint["kind"] = "call"): TrackingSigner {
    return new TrackingSigner(inner, (signer, tx) => this.send(signer, tx, kind), (provider) => this.#receiptsFromHere(provider));
  }

  /**
   * `provider`, except that the receipt of a transaction this sender sent is this sender's wait
   * for it: ethers' `tx.wait()` on a contract's transaction (which asks the contract runner's
   * provider) gets the receipt already fetched, with the run's timeout, confirmations and fee
   * bumps, instead of a second round trip and an unbounded poll.
   */
  #receiptsFromHere(provider: Provider | null): Provider | null {
    if (provider === null) {
      return null;
    }
    const receipt = (hash: string) => {
      const response = this.#responses.get(String(hash).toLowerCase());
      return response === undefined ? provider.getTransactionReceipt(hash) : this.wait(response);
    };
    return new Proxy(provider, {
      get(target, property) {
        if (property === "getTransactionReceipt") {
          return receipt;
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  /** Sends `tx` from `inner` as the migration's next step (steps are numbered at call time). */
  send(inner: Signer, tx: TransactionRequest, kind: StepFingerprint["kind"] = "call"): Promise<TransactionResponse> {
    const step = this.#nextStep++;
    const run = this.#queue.then(() => this.#sendStep(step, inner, tx, kind));
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
   * twice for one transaction (ctx.deploy, then the end of the migration), it fetches once.
   */
  wait(response: TransactionResponse): Promise<TransactionReceipt> {
    const key = response.hash.toLowerCase();
    let receipt = this.#receipts.get(key);
    if (receipt === undefined) {
      receipt = this.#wait(response);
      receipt.catch(() => this.#receipts.delete(key));
      this.#receipts.set(key, receipt);
    }
    return receipt;
  }

  async #wait(response: TransactionResponse): Promise<TransactionReceipt> {
    const sent = this.#byHash.get(response.hash.toLowerCase());
    const provider = this.#provider(sent?.inner ?? response);
    const target = {
      hashes: sent?.hashes ?? [response.hash],
      from: response.from,
      nonce: response.nonce,
      block: sent?.block ?? 0,
      file: this.migration.fileName,
    };
    const bump = sent === undefined ? undefined : () => this.#bump(sent);
    const { emit, signal } = this.layer;
    const receipt = await waitForReceipt(provider, this.layer.provider, target, this.layer.policy, bump, {
      ...(emit !== undefined ? { onWaiting: (progress) => emit({ type: "tx-waiting", hash: target.hashes.at(-1)!, ...progress }) } : {}),
      ...(signal !== undefined ? { signal } : {}),
    });
    this.layer.lastSeenBlock = Math.max(this.layer.lastSeenBlock, receipt.blockNumber);
    emit?.({ type: "tx-mined", hash: receipt.hash, blockNumber: receipt.blockNumber, gasUsed: receipt.gasUsed, effectiveGasPrice: receipt.gasPrice, cost: receipt.fee });
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

  async #sendStep(step: number, inner: Signer, tx: TransactionRequest, kind: StepFingerprint["kind"]): Promise<TransactionResponse> {
    if (this.layer.signal?.aborted === true) {
      throw new MigrationsError("INTERRUPTED", { where: `before ${this.migration.fileName} sent its transaction #${step + 1}` });
    }
    const provider = this.#provider(inner);
    const from = (await inner.getAddress()).toLowerCase();
    const to = tx.to === undefined || tx.to === null ? null : (await resolveAddress(tx.to, provider)).toLowerCase();
    const fingerprint: StepFingerprint = { from, to, data: keccak256(tx.data ?? "0x"), value: BigInt(tx.value ?? 0).toString(), kind };

    const recorded = this.interrupted?.steps.get(step);
    if (recorded !== undefined) {
      const difference = compare(recorded.fingerprint, fingerprint);
      if (difference !== undefined) {
        throw new MigrationsError("JOURNAL_DIVERGED", { file: this.migration.fileName, step: step + 1, difference, id: this.migration.id });
      }
      const reused = await this.#recover(recorded, provider);
      if (reused !== undefined) {
        this.reused += 1;
        this.#sent(reused.hash, recorded.nonce, fingerprint, { reused: true });
        return this.#track({ step, inner, fingerprint, nonce: recorded.nonce, block: recorded.block, hashes: [reused.hash], latest: reused });
      }
    }
    return this.#sendFresh(step, inner, tx, fingerprint);
  }

  async #sendFresh(step: number, inner: Signer, tx: TransactionRequest, fingerprint: StepFingerprint): Promise<TransactionResponse> {
    const { journal, nonces } = this.layer;
    const explicit = tx.nonce === undefined || tx.nonce === null ? undefined : Number(tx.nonce);
    let nonce = explicit ?? (await nonces.take(fingerprint.from));
    const block = this.layer.isDevChain ? this.layer.lastSeenBlock : await this.#head();
    const migration = this.migration.id;
    for (let attempt = 0; ; attempt++) {
      await journal?.append({ type: "tx-sending", migration, step, nonce, block, ...fingerprint });
      failpoint("tx-before-send");
      let response: TransactionResponse;
      try {
        response = await this.#dispatch(inner, tx, fingerprint, nonce);
      } catch (error) {
        if (isAlreadyKnown(error) || isNonceTooLow(error)) {
          // The node may already have this very transaction (a retried request through a load
          // balancer): if the nonce is ours with our payload, adopt it instead of sending again.
          const adopted = await this.#adopt(fingerprint, nonce, block, this.#provider(inner), isAlreadyKnown(error));
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
      return this.#track({ step, inner, fingerprint, nonce, block, hashes: [response.hash], latest: response });
    }
  }

  /** Sends through the provider when its accounts sign (see `providerAccounts`), else the signer. */
  async #dispatch(inner: Signer, tx: TransactionRequest, fingerprint: StepFingerprint, nonce: number): Promise<TransactionResponse> {
    const simple = Object.keys(tx).every((key) => RAW_FIELDS.has(key) || (tx as Record<string, unknown>)[key] === undefined || (tx as Record<string, unknown>)[key] === null);
    if (!this.layer.providerAccounts || !simple) {
      return inner.sendTransaction({ ...tx, nonce });
    }
    const layer = this.layer;
    // On dev chains the plugin fills gas and fees itself (read once per run): one round trip.
    let fees = layer.isDevChain ? await (layer.devChainFees ??= readDevChainFees(layer.provider).catch(() => undefined)) : undefined;
    let request = rpcRequest(tx, fingerprint.from, fingerprint.to, nonce, fees);
    let hash: string;
    try {
      hash = (await layer.provider.request({ method: "eth_sendTransaction", params: [request] })) as string;
    } catch (error) {
      if (fees === undefined || !isRejectedForFees(error)) {
        throw error;
      }
      // Refused before reaching the pool (base fee rose, balance short of gas × fee): read the
      // fees again for later sends, and let Hardhat or the node fill this one's.
      layer.devChainFees = undefined;
      fees = undefined;
      request = rpcRequest(tx, fingerprint.from, fingerprint.to, nonce, undefined);
      hash = (await layer.provider.request({ method: "eth_sendTransaction", params: [request] })) as string;
    }
    return sentResponse(this.#provider(inner), hash, request, await this.#chainId());
  }

  #chainId(): Promise<bigint> {
    return (this.layer.chainId ??= this.layer.provider.request({ method: "eth_chainId" }).then((id) => BigInt(id as string)));
  }

  async #failed(step: number, fingerprint: StepFingerprint, error: unknown): Promise<unknown> {
    this.layer.nonces.forget(fingerprint.from);
    await this.layer.journal?.append({ type: "tx-failed", migration: this.migration.id, step, reason: describeError(error) });
    return error;
  }

  /** The transaction with `nonce`, if it is ours (same payload); waits for it when `inPool`. */
  async #adopt(fingerprint: StepFingerprint, nonce: number, block: number, provider: Provider, inPool: boolean): Promise<TransactionResponse | undefined> {
    const mined = inPool ? await this.#waitForNonce(fingerprint.from, nonce, block) : await findMinedByNonce(this.layer.provider, fingerprint.from, nonce, block);
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
  async #recover(recorded: JournaledStep, provider: Provider): Promise<TransactionResponse | undefined> {
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
    let mined = await findMinedByNonce(this.layer.provider, from, recorded.nonce, recorded.block);
    if (mined === undefined && (await count(this.layer.provider, from, "pending")) > recorded.nonce) {
      // In the node's pool, but the run died before it learnt the hash: wait until it is mined.
      mined = await this.#waitForNonce(from, recorded.nonce, recorded.block);
    }
    if (mined === undefined || !matches(mined, recorded.fingerprint)) {
      return undefined;
    }
    const receipt = await provider.getTransactionReceipt(mined.hash);
    return receipt?.status === 1 ? ((await provider.getTransaction(mined.hash)) ?? undefined) : undefined;
  }

  async #waitForNonce(from: string, nonce: number, block: number): Promise<MinedTransaction | undefined> {
    const { policy, provider } = this.layer;
    const started = Date.now();
    while ((await count(provider, from, "latest")) <= nonce) {
      if (Date.now() - started >= policy.timeoutMs) {
        throw new MigrationsError("TX_TIMEOUT", { hash: "(hash not known yet)", nonce, file: this.migration.fileName, seconds: policy.timeoutMs / 1000 });
      }
      await sleep(policy.pollMs);
    }
    return findMinedByNonce(provider, from, nonce, block);
  }

  /** Sends the same transaction again with the same nonce and higher fees; returns its hash. */
  async #bump(sent: SentStep): Promise<string> {
    const percent = BigInt(Math.max(10, Math.ceil(this.layer.policy.feeBump?.percent ?? 20)));
    const raise = (value: bigint) => (value * (100n + percent) + 99n) / 100n;
    // A response built from what was sent lacks what the node filled in (gas, fees): ask for it.
    const old = sent.latest.gasLimit === 0n ? ((await this.#provider(sent.inner).getTransaction(sent.latest.hash)) ?? sent.latest) : sent.latest;
    const request: TransactionRequest = {
      to: old.to,
      data: old.data,
      value: old.value,
      gasLimit: old.gasLimit,
      nonce: sent.nonce,
      chainId: old.chainId,
      ...(old.maxFeePerGas !== null && old.maxPriorityFeePerGas !== null
        ? { type: 2, maxFeePerGas: raise(old.maxFeePerGas), maxPriorityFeePerGas: raise(old.maxPriorityFeePerGas) }
        : { gasPrice: raise(old.gasPrice) }),
    };
    const replacement = await sent.inner.sendTransaction(request);
    sent.latest = replacement;
    this.#byHash.set(replacement.hash.toLowerCase(), sent);
    await this.layer.journal?.append({ type: "tx-replaced", migration: this.migration.id, step: sent.step, hash: replacement.hash, nonce: sent.nonce });
    this.#sent(replacement.hash, sent.nonce, sent.fingerprint, { replaces: old.hash });
    return replacement.hash;
  }

  #sent(hash: string, nonce: number, fingerprint: StepFingerprint, extra: { reused?: boolean; replaces?: string } = {}): void {
    const label = fingerprint.kind === "record" ? "record" : fingerprint.to === null ? "create" : "call";
    const migration = { id: this.migration.id, fileName: this.migration.fileName };
    this.layer.emit?.({ type: "tx-sent", migration, hash, nonce, from: fingerprint.from, to: fingerprint.to, label, ...extra });
  }

  #track(sent: SentStep): TransactionResponse {
    this.#byHash.set(sent.latest.hash.toLowerCase(), sent);
    this.#responses.set(sent.latest.hash.toLowerCase(), sent.latest);
    this.sent.push(this.#waitsHere(sent.latest));
    return sent.latest;
  }

  /**
   * `response`, whose own `wait()` (the migration's `await tx.wait()`, a proxy helper's, the
   * Truffle shim's) waits through this sender: the run's timeout, confirmations and fee bumps, and
   * the receipt already fetched costs no second round trip. Reverted: it throws as ethers' does.
   */
  #waitsHere(response: TransactionResponse): TransactionResponse {
    Object.defineProperty(response, "wait", {
      configurable: true,
      value: async (confirms?: number): Promise<TransactionReceipt | null> => {
        if (confirms === 0) {
          return this.#receipts.has(response.hash.toLowerCase()) ? this.wait(response) : this.#provider(response).getTransactionReceipt(response.hash);
        }
        const receipt = await this.wait(response);
        if (receipt.status !== 1) {
          throw makeError("transaction execution reverted", "CALL_EXCEPTION", {
            action: "sendTransaction",
            data: null,
            reason: null,
            invocation: null,
            revert: null,
            transaction: { to: response.to, from: response.from, data: response.data },
            receipt,
          });
        }
        return receipt;
      },
    });
    return response;
  }

  #provider(holder: { provider: Provider | null }): Provider {
    if (holder.provider === null) {
      throw new Error("The deployer signer has no provider.");
    }
    return holder.provider;
  }

  async #head(): Promise<number> {
    return headBlock(this.layer.provider);
  }
}

/** Request fields the raw path sends as they are (anything else goes through the signer). */
const RAW_FIELDS = new Set(["to", "from", "data", "value", "nonce", "gasLimit", "gasPrice", "maxFeePerGas", "maxPriorityFeePerGas", "chainId", "type"]);

function compare(recorded: StepFingerprint, now: StepFingerprint): string | undefined {
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

function matches(mined: MinedTransaction, fingerprint: StepFingerprint): boolean {
  const to = mined.to === null ? null : mined.to.toLowerCase();
  return (
    to === fingerprint.to &&
    mined.value.toString() === fingerprint.value &&
    (fingerprint.kind === "record" || keccak256(mined.input) === fingerprint.data)
  );
}
