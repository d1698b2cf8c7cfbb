import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import { describeError, MigrationsError } from "../core/errors.js";
import type { VerificationExplorer } from "../core/verification/verify-deployments.js";
import type { ExplorerName } from "./config.js";

/** What the plugin uses of a hardhat-verify verification provider (Etherscan, Blockscout, Sourcify). */
interface VerifyProvider {
  getContractUrl(address: string): string | Promise<string>;
  isVerified(address: string): Promise<boolean>;
  verify(args: {
    contractAddress: string;
    compilerInput: unknown;
    contractName: string;
    compilerVersion: string;
    constructorArguments?: string;
    creationTxHash?: string;
  }): Promise<string>;
  pollVerificationStatus(guid: string, contractAddress: string, contractName: string): Promise<{ success: boolean; message: string }>;
}

interface ProviderFactory {
  resolveConfig(options: { chainId: number; networkName: string; chainDescriptors: unknown; verificationProvidersConfig: unknown }): Promise<unknown>;
  create(options: unknown): Promise<VerifyProvider>;
}

/** hardhat-verify's CONTRACT_ALREADY_VERIFIED error. */
const ALREADY_VERIFIED = 80022;

/**
 * The block explorer `name` through @nomicfoundation/hardhat-verify, configured by its `verify`
 * section and `chainDescriptors`. Etherscan through its public programmatic API
 * (`connection.verification.etherscan`); Sourcify and Blockscout through the same provider classes
 * hardhat-verify's own `verify` task uses (3.1 exposes no connection helper for them), which take
 * the kept compiler input as the Etherscan one does. Throws VERIFY_PLUGIN_MISSING when the project
 * does not load hardhat-verify, VERIFY_NOT_AVAILABLE when the explorer is disabled or unknown for
 * the chain.
 */
export async function hardhatVerifyExplorer(hre: HardhatRuntimeEnvironment, connection: NetworkConnection, name: ExplorerName, chainId: number): Promise<VerificationExplorer> {
  const etherscan = hardhatVerifyEtherscan(connection);
  const unavailable = (reason: string, cause?: unknown) =>
    new MigrationsError("VERIFY_NOT_AVAILABLE", { network: connection.networkName, chainId, reason }, cause === undefined ? undefined : { cause });
  const config = (hre.config as unknown as { verify?: Record<string, { enabled?: boolean } | undefined> }).verify;
  if (config?.[name]?.enabled === false) {
    throw unavailable(`${name} is disabled in hardhat.config.ts (\`verify.${name}.enabled: false\`), yet \`migrations.explorers\` lists it.`);
  }
  let provider: VerifyProvider;
  if (name === "etherscan") {
    provider = etherscan;
  } else {
    try {
      const factory = (await loadProviders())[name]!;
      const options = await factory.resolveConfig({ chainId, networkName: connection.networkName, chainDescriptors: hre.config.chainDescriptors, verificationProvidersConfig: config });
      provider = await factory.create(options);
    } catch (error) {
      throw unavailable(describeError(error), error);
    }
  }
  return {
    name,
    contractUrl: async (address) => provider.getContractUrl(address),
    isVerified: (address) => provider.isVerified(address),
    async submit(request) {
      try {
        const guid = await provider.verify({
          contractAddress: request.address,
          compilerInput: request.input,
          contractName: request.contractName,
          compilerVersion: request.compilerVersion,
          ...(name === "sourcify"
            ? request.creationTransactionHash !== undefined ? { creationTxHash: request.creationTransactionHash } : {}
            : { constructorArguments: request.constructorArguments }),
        });
        const status = await provider.pollVerificationStatus(guid, request.address, request.contractName);
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

/** hardhat-verify's `connection.verification.etherscan`; VERIFY_PLUGIN_MISSING when the project does not load hardhat-verify. */
export function hardhatVerifyEtherscan(connection: NetworkConnection): VerifyProvider {
  const etherscan = (connection as unknown as { verification?: { etherscan?: VerifyProvider } }).verification?.etherscan;
  if (etherscan === undefined) {
    throw new MigrationsError("VERIFY_PLUGIN_MISSING", {});
  }
  return etherscan;
}

/** hardhat-verify's table of verification providers, from the copy the project resolves. */
async function loadProviders(): Promise<Record<string, ProviderFactory>> {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve("@nomicfoundation/hardhat-verify/package.json"));
  const module = (await import(pathToFileURL(path.join(root, "dist", "src", "internal", "verification-providers.js")).href)) as {
    VERIFICATION_PROVIDERS: Record<string, ProviderFactory>;
  };
  return module.VERIFICATION_PROVIDERS;
}
