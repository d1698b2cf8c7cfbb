import type { AbiInput } from "./eth/abi.js";
import type { MinedReceipt } from "./mined-receipt.js";
import type { ChainReceipt, PlainTransaction, SentTransaction } from "./transactions/plain-transaction.js";

/**
 * A contract as the engine hands it to a front-end: where it is and its ABI. The ethers front-end
 * makes it a `Contract`, the viem one a contract instance, both sending through the migration.
 */
export interface DeployedContract {
  readonly address: string;
  readonly abi: AbiInput;
  /** The account that deployed (or upgraded) it in this migration: its library object sends from it (absent: the deployer). */
  readonly from?: string;
  /** The receipt of the transaction that deployed (or upgraded) it in this migration; absent when nothing was sent (CREATE2 reuse, a registry lookup). */
  readonly receipt?: MinedReceipt;
}

/**
 * A migration's journaled transaction path, as front-ends build their signers and clients on it:
 * every `send` is the migration's next step (journaled before it is sent, nonce assigned by the
 * run, reused instead of sent again after an interruption) and `wait` waits with the run's policy.
 */
export interface MigrationTransactions {
  /** Sends `tx` from `from` (an account the network signs for). */
  send(from: string, tx: PlainTransaction): Promise<SentTransaction>;
  /** The receipt of a transaction `send` sent, once mined (and confirmed, per the run's policy). */
  wait(hash: string): Promise<ChainReceipt>;
}

/** An account in the library-neutral context: its address (a front-end gives it a signer or wallet client). */
export interface AccountRef {
  readonly address: string;
}
