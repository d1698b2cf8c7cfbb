import type { CoreMigrationContext } from "../../core/context.js";
import type { ContractLibrary } from "./contract-library.js";

/**
 * What differs between a project on ethers and one on viem: the context a migration receives and
 * the contract objects fixtures and `connection.migrations.registry` return. The engine under both
 * is the same (its transactions journaled through the same sender, at the provider for viem).
 */
export interface FrontEnd {
  readonly library: ContractLibrary;
  /** The migration's context: the core's, in the library's objects, plus `hre` and `connection`. */
  extendContext(core: CoreMigrationContext): Promise<unknown>;
  /** The deployed contract at `address` with `abi`, connected to (sending from) `deployer`. */
  contract(address: string, abi: readonly unknown[], deployer: string): Promise<unknown>;
}
