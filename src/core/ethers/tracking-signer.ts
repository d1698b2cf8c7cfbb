import {
  AbstractSigner,
  getBigInt,
  resolveAddress,
  type Provider,
  type Signer,
  type TransactionReceipt,
  type TransactionRequest,
  type TransactionResponse,
  type TypedDataDomain,
  type TypedDataField,
} from "ethers";

import type { MigrationTransactions } from "../deployed-contract.js";
import type { PlainTransaction } from "../transactions/plain-transaction.js";
import { ethersReceipt } from "./ethers-receipt.js";
import { sentResponse } from "./sent-response.js";

/**
 * The ethers face of a migration's account: an ethers `Signer` whose `sendTransaction` is the
 * migration's next journaled step (`transactions.send`), and whose responses' `wait()` and
 * provider's `getTransactionReceipt` answer with the run's wait. Reads, estimates and signatures
 * are the `inner` signer's (hardhat-ethers', or one over the network's provider).
 */
export class TrackingSigner extends AbstractSigner {
  readonly #receipts: ReceiptView;

  constructor(
    readonly inner: Signer,
    readonly address: string,
    private readonly transactions: MigrationTransactions,
    /** The migration's one view of its receipts (shared by all its signers). */
    receipts: ReceiptView,
  ) {
    super(receipts.provider(inner.provider));
    this.#receipts = receipts;
  }

  override connect(provider: Provider | null): TrackingSigner {
    return new TrackingSigner(this.inner.connect(provider), this.address, this.transactions, this.#receipts);
  }

  override async getAddress(): Promise<string> {
    return this.address;
  }

  override getNonce(blockTag?: string): Promise<number> {
    return this.inner.getNonce(blockTag);
  }

  override estimateGas(tx: TransactionRequest): Promise<bigint> {
    return this.inner.estimateGas(tx);
  }

  override call(tx: TransactionRequest): Promise<string> {
    return this.inner.call(tx);
  }

  override signTransaction(tx: TransactionRequest): Promise<string> {
    return this.inner.signTransaction(tx);
  }

  override signMessage(message: string | Uint8Array): Promise<string> {
    return this.inner.signMessage(message);
  }

  override signTypedData(domain: TypedDataDomain, types: Record<string, TypedDataField[]>, value: Record<string, unknown>): Promise<string> {
    return this.inner.signTypedData(domain, types, value);
  }

  override async sendTransaction(tx: TransactionRequest): Promise<TransactionResponse> {
    const sent = await this.transactions.send(this.address, await plainTransaction(tx, this.inner.provider));
    this.#receipts.track(sent.hash);
    const provider = this.provider ?? this.inner.provider!;
    return sentResponse(
      provider,
      sent,
      () => this.#receipts.receipt(sent.hash, provider),
      async () => ((await this.inner.provider?.getTransactionReceipt(sent.hash)) === null ? null : this.#receipts.receipt(sent.hash, provider)),
    );
  }
}

/** ethers' request as the engine's: `to` resolved (an Addressable, a contract), quantities as bigint. */
async function plainTransaction(tx: TransactionRequest, provider: Provider | null): Promise<PlainTransaction> {
  const big = (value: unknown) => (value === undefined || value === null ? undefined : getBigInt(value as bigint));
  const fields = {
    to: tx.to === undefined || tx.to === null ? null : await resolveAddress(tx.to, provider),
    data: tx.data ?? undefined,
    value: big(tx.value),
    gas: big(tx.gasLimit),
    gasPrice: big(tx.gasPrice),
    maxFeePerGas: big(tx.maxFeePerGas),
    maxPriorityFeePerGas: big(tx.maxPriorityFeePerGas),
    nonce: tx.nonce === undefined || tx.nonce === null ? undefined : Number(tx.nonce),
    accessList: tx.accessList === undefined || tx.accessList === null ? undefined : (tx.accessList as PlainTransaction["accessList"]),
  };
  return Object.fromEntries(Object.entries(fields).filter(([key, value]) => key === "to" || value !== undefined)) as unknown as PlainTransaction;
}

/**
 * The receipts of the transactions the migration's ethers signers sent: from the run's wait, once
 * per transaction, also when ethers asks the signer's provider (`contract.deploymentTransaction().wait()`,
 * a helper library polling `getTransactionReceipt`).
 */
export class ReceiptView {
  readonly #ours = new Set<string>();
  readonly #receipts = new Map<string, Promise<TransactionReceipt>>();

  constructor(private readonly transactions: MigrationTransactions) {}

  track(hash: string): void {
    this.#ours.add(hash.toLowerCase());
  }

  receipt(hash: string, provider: Provider): Promise<TransactionReceipt> {
    const key = hash.toLowerCase();
    let receipt = this.#receipts.get(key);
    if (receipt === undefined) {
      receipt = this.transactions.wait(hash).then((mined) => ethersReceipt(mined, provider));
      receipt.catch(() => this.#receipts.delete(key));
      this.#receipts.set(key, receipt);
    }
    return receipt;
  }

  /** `provider`, whose `getTransactionReceipt` of a transaction sent here is the run's wait. */
  provider(provider: Provider | null): Provider | null {
    if (provider === null) {
      return null;
    }
    const receipt = (hash: string) => (this.#ours.has(String(hash).toLowerCase()) ? this.receipt(hash, view) : provider.getTransactionReceipt(hash));
    const view: Provider = new Proxy(provider, {
      get(target, property) {
        if (property === "getTransactionReceipt") {
          return receipt;
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    return view;
  }
}
