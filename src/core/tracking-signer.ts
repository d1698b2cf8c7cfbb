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
 * Sending is delegated to `send` (the migration's sender, which assigns nonces and journals).
 */
export class TrackingSigner extends AbstractSigner {
  constructor(
    readonly inner: Signer,
    private readonly send: (inner: Signer, tx: TransactionRequest) => Promise<TransactionResponse>,
    /**
     * The provider this signer shows (contracts connected to it wait through it): the sender's
     * view of the inner one, whose receipts of the sender's own transactions come from the sender.
     */
    private readonly view: (provider: Provider | null) => Provider | null = (provider) => provider,
  ) {
    super(view(inner.provider));
  }

  override connect(provider: Provider | null): TrackingSigner {
    return new TrackingSigner(this.inner.connect(provider), this.send, this.view);
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

  override sendTransaction(tx: TransactionRequest): Promise<TransactionResponse> {
    return this.send(this.inner, tx);
  }
}
