import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import type { CoreMigrationContext } from "../../core/context.js";
import { contractLibrary, type ContractLibrary } from "./contract-library.js";

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

/**
 * The front-end of `connection`'s library, imported only when chosen: a project on viem never
 * loads the ethers front-end, and one on ethers never loads viem.
 */
export async function loadFrontEnd(hre: HardhatRuntimeEnvironment, connection: NetworkConnection): Promise<FrontEnd> {
  const library = contractLibrary(hre.config.migrations.library, connection);
  if (library === "viem") {
    const { viemFrontEnd } = await import("./viem-front-end.js");
    return viemFrontEnd(hre, connection);
  }
  const { ethersFrontEnd } = await import("./ethers-front-end.js");
  return ethersFrontEnd(hre, connection);
}
