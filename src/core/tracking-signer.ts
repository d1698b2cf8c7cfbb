import {
  AbstractSigner,
  type Provider,
  type Signer,
  type TransactionRequest,
  type TransactionResponse,
  type TypedDataDomain,
  type TypedDataField,
} from "ethers";

/**
 * Wraps a signer so that the engine sees every transaction a migration sends through it: the
 * migration is complete only once all of them are mined and succeeded, and their gas is counted.
 * This is also the single place where a journal hooks in before and after each send.
 */
export class TrackingSigner extends AbstractSigner {
  constructor(
    readonly inner: Signer,
    private readonly onSent: (response: TransactionResponse) => void,
  ) {
    super(inner.provider);
  }

  override connect(provider: Provider | null): TrackingSigner {
    return new TrackingSigner(this.inner.connect(provider), this.onSent);
  }

  override getAddress(): Promise<string> {
    return this.inner.getAddress();
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

  override signTypedData(
    domain: TypedDataDomain,
    types: Record<string, TypedDataField[]>,
    value: Record<string, unknown>,
  ): Promise<string> {
    return this.inner.signTypedData(domain, types, value);
  }

  override async sendTransaction(tx: TransactionRequest): Promise<TransactionResponse> {
    const response = await this.inner.sendTransaction(tx);
    this.onSent(response);
    return response;
  }
}
