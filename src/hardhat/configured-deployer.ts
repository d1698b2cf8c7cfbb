import type { Signer } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { MigrationsError, describeError } from "../core/errors.js";

/** `migrations.deployer` (an account index or an address) as a signer of `connection`. */
export async function resolveConfiguredDeployer(configured: number | string, connection: NetworkConnection): Promise<Signer> {
  const { ethers } = connection;
  try {
    if (typeof configured === "string") {
      return await ethers.getSigner(configured);
    }
    const signers = await ethers.getSigners();
    const signer = signers[configured];
    if (signer === undefined) {
      throw new Error(`the network has ${signers.length} account(s), so there is no account #${configured}`);
    }
    return signer;
  } catch (error) {
    throw new MigrationsError(
      "SIGNER_NOT_AVAILABLE",
      { deployer: typeof configured === "number" ? `account #${configured}` : configured, network: connection.networkName, reason: describeError(error) },
      { cause: error },
    );
  }
}
