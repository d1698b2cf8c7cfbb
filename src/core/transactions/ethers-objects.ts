/**
 * The ethers objects the transaction layer still carries, named once for the engine by their role:
 * the host's account signers (the sender's `TrackingSigner` wraps them for the ethers front-end),
 * the requests and responses the sender takes and answers with, and the provider it reads them
 * back through. Every other engine file names the role, not the library; replacing these with
 * plain values (an EIP-1193 provider, `MinedReceipt`) is the sender's next step.
 */
export type {
  Signer as AccountSigner,
  Provider as ChainReader,
  TransactionRequest as TransactionFields,
  TransactionResponse as SentTransaction,
} from "ethers";
