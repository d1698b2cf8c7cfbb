import type { NetworkConnection } from "hardhat/types/network";

import { MigrationsError } from "../core/errors.js";
import type { VerificationExplorer } from "../core/verification/verify-deployments.js";

/** The part of hardhat-verify's `connection.verification.etherscan` the plugin uses. */
interface LazyEtherscan {
  getContractUrl(address: string): Promise<string>;
  isVerified(address: string): Promise<boolean>;
  verify(args: { contractAddress: string; compilerInput: unknown; contractName: string; compilerVersion: string; constructorArguments: string }): Promise<string>;
  pollVerificationStatus(guid: string, contractAddress: string, contractName: string): Promise<{ success: boolean; message: string }>;
}

/** hardhat-verify's CONTRACT_ALREADY_VERIFIED error. */
const ALREADY_VERIFIED = 80022;

/**
 * Etherscan (and Etherscan-compatible explorers configured in `chainDescriptors`) through
 * @nomicfoundation/hardhat-verify's programmatic API. Throws VERIFY_PLUGIN_MISSING when the
 * project does not load that plugin (it is an optional peer dependency).
 */
export function etherscanExplorer(connection: NetworkConnection): VerificationExplorer {
  const verification = (connection as unknown as { verification?: { etherscan?: LazyEtherscan } }).verification;
  const etherscan = verification?.etherscan;
  if (etherscan === undefined) {
    throw new MigrationsError("VERIFY_PLUGIN_MISSING", {});
  }
  return {
    name: "etherscan",
    contractUrl: (address) => etherscan.getContractUrl(address),
    isVerified: (address) => etherscan.isVerified(address),
    async submit(request) {
      try {
        const guid = await etherscan.verify({
          contractAddress: request.address,
          compilerInput: request.input,
          contractName: request.contractName,
          compilerVersion: request.compilerVersion,
          constructorArguments: request.constructorArguments,
        });
        const status = await etherscan.pollVerificationStatus(guid, request.address, request.contractName);
        return { verified: status.success, message: status.message };
      } catch (error) {
        if ((error as { number?: unknown }).number === ALREADY_VERIFIED) {
          return { verified: true, message: "already verified" };
        }
        throw error;
      }
    },
  };
}
