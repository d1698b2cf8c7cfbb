import type { NetworkConnection } from "hardhat/types/network";

import { MigrationsError } from "../../core/errors.js";

/** The contract library migrations and fixtures speak: ethers (the default) or viem. */
export type ContractLibrary = "ethers" | "viem";

const PLUGINS: Record<ContractLibrary, string> = { ethers: "@nomicfoundation/hardhat-ethers", viem: "@nomicfoundation/hardhat-viem" };

/**
 * The library of `connection`: `configured` (`migrations.library`) when set, else the one whose
 * Hardhat plugin the config loads (each installs `connection.ethers` / `connection.viem`),
 * ethers when both are.
 */
export function contractLibrary(configured: ContractLibrary | undefined, connection: NetworkConnection): ContractLibrary {
  const loaded = (library: ContractLibrary) => (connection as unknown as Record<string, unknown>)[library] !== undefined;
  if (configured !== undefined) {
    if (!loaded(configured)) {
      throw new MigrationsError("CONTRACT_LIBRARY_NOT_LOADED", { library: configured, plugin: PLUGINS[configured] });
    }
    return configured;
  }
  if (loaded("ethers")) {
    return "ethers";
  }
  if (loaded("viem")) {
    return "viem";
  }
  throw new MigrationsError("NO_CONTRACT_LIBRARY", { network: connection.networkName });
}
