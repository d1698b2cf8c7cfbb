import { Contract, type InterfaceAbi } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import type { FrontEnd } from "./front-end.js";

/** ethers (hardhat-ethers): the core's ethers objects as they are, plus `ctx.ethers`. */
export function ethersFrontEnd(hre: HardhatRuntimeEnvironment, connection: NetworkConnection): FrontEnd {
  return {
    library: "ethers",
    extendContext: async (core) => ({ ...core, hre, connection, ethers: connection.ethers }),
    contract: async (address, abi, deployer) => new Contract(address, abi as InterfaceAbi, await connection.ethers.getSigner(deployer)),
  };
}
