import type { Provider, Signer, TransactionReceipt, TransactionResponse } from "ethers";

import type { ContractArtifact } from "../artifacts.js";
import type { CoreMigrationContext } from "../context.js";
import type { TruffleTxParams } from "./tx-params.js";

/**
 * What contract abstractions and the deployer need from the running migration. Everything they
 * send goes through `core` (registry, events) or the migration's tracking signers, so the
 * engine sees every transaction, counts it, and rolls it back with the rest of the migration.
 */
export interface TruffleHost {
  readonly core: CoreMigrationContext;
  /** The migration's deployer (a tracking signer): Truffle's default `from`. */
  readonly deployer: Signer;
  readonly provider: Provider;
  /** The deployer, or the signer of `from` (also tracked). */
  signerFor(from: string | undefined): Promise<Signer>;
  /** The artifact of `name`; loaded ahead for names the script `artifacts.require`s literally. */
  artifact(name: string): Promise<ContractArtifact>;
  /** The artifact if it is already loaded (what synchronous `C.abi` needs). */
  loadedArtifact(name: string): ContractArtifact | undefined;
  /** `C.defaults()`: transaction parameters every call of that contract starts from. */
  defaultsOf(contractName: string, merge?: TruffleTxParams): TruffleTxParams;
  /**
   * Keeps the migration open until `work` settles (Truffle scripts often do not await). With
   * `failsMigration`, a rejection fails the migration even if the script ignores it. Returns `work`.
   */
  track<T>(work: Promise<T>, options?: { readonly failsMigration?: boolean }): Promise<T>;
  /**
   * Waits for a transaction the script sent through the migration's sender (the run's timeout,
   * confirmations and fee bumps; a reverted one rejects).
   */
  waitForReceipt(tx: TransactionResponse): Promise<TransactionReceipt>;
  /** Remembers a contract created by `C.new`, in case the script assigns it as `C.address`. */
  rememberCreation(receipt: TransactionReceipt): void;
  /** Records `address` as the deployment of `contractName` (`C.address = …`, the TIP #1 idiom). */
  assignAddress(contractName: string, artifactName: string, address: string): void;
}
