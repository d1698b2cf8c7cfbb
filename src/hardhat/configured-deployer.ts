import type { Signer } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { MigrationsError, describeError } from "../core/errors.js";
import type { NamedAccountConfig } from "./accounts-config.js";
import { describeNamedAccount, namedAccountAddress } from "./named-accounts-resolver.js";

/**
 * The network's `deployer` named account (`migrations.accounts.deployer`, per network, or the
 * legacy `migrations.deployer`: an account index, an address or a configVariable) as a signer of
 * `connection`.
 */
export async function resolveConfiguredDeployer(configured: NamedAccountConfig, connection: NetworkConnection): Promise<Signer> {
  const { ethers } = connection;
  try {
    if (typeof configured === "number") {
      const signers = await ethers.getSigners();
      const signer = signers[configured];
      if (signer === undefined) {
        throw new Error(`the network has ${signers.length} account(s), so there is no account #${configured}`);
      }
      return signer;
    }
    const address = await namedAccountAddress("deployer", configured, connection, async () => []);
    return await ethers.getSigner(address);
  } catch (error) {
    throw new MigrationsError(
      "SIGNER_NOT_AVAILABLE",
      { deployer: describeNamedAccount(configured), network: connection.networkName, reason: describeError(error) },
      { cause: error },
    );
  }
}
