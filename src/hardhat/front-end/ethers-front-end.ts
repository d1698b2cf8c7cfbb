import { Contract, type InterfaceAbi } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import { dressInEthers } from "../../core/ethers/ethers-context.js";
import type { MigrationContext } from "../../types.js";
import type { FrontEnd } from "./front-end.js";

/**
 * ethers (hardhat-ethers): the core context in ethers objects — `ctx.deployer` and named accounts'
 * signers are hardhat-ethers signers whose transactions are the migration's journaled steps,
 * contracts are ethers `Contract`s — plus `ctx.ethers`.
 */
export function ethersFrontEnd(hre: HardhatRuntimeEnvironment, connection: NetworkConnection): FrontEnd {
  return {
    library: "ethers",
    extendContext: async (core): Promise<MigrationContext> => ({
      ...(await dressInEthers(core, (address) => connection.ethers.getSigner(address))),
      hre,
      connection,
      ethers: connection.ethers,
    }),
    contract: async (address, abi, deployer) => new Contract(address, abi as InterfaceAbi, await connection.ethers.getSigner(deployer)),
  };
}
