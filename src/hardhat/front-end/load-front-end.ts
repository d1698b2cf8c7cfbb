import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import { contractLibrary } from "./contract-library.js";
import type { FrontEnd } from "./front-end.js";

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
