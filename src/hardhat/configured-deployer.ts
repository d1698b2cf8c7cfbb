import type { Signer } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { MigrationsError, describeError } from "../core/errors.js";
import type { NamedAccountConfig } from "./accounts-config.js";
import { connectionAccounts, connectionSigner } from "./front-end/connection-signers.js";
import { describeNamedAccount, namedAccountAddress } from "./named-accounts-resolver.js";

/**
 * The network's `deployer` named account (`migrations.accounts.deployer`, per network, or the
 * legacy `migrations.deployer`: an account index, an address or a configVariable) as a signer of
 * `connection`.
 */
export async function resolveConfiguredDeployer(configured: NamedAccountConfig, connection: NetworkConnection): Promise<Signer> {
  const unavailable = (reason: string, cause?: unknown) =>
    new MigrationsError(
      "SIGNER_NOT_AVAILABLE",
      { deployer: describeNamedAccount(configured), network: connection.networkName, reason },
      cause === undefined ? undefined : { cause },
    );
  if (typeof configured !== "number") {
    try {
      return await connectionSigner(connection, await namedAccountAddress("deployer", configured, connection, async () => []));
    } catch (error) {
      throw unavailable(describeError(error), error);
    }
  }
  let accounts;
  try {
    accounts = await connectionAccounts(connection);
  } catch (error) {
    throw unavailable(describeError(error), error);
  }
  const account = accounts[configured];
  if (account === undefined) {
    throw unavailable(`the network has ${accounts.length} account(s), so there is no account #${configured}`);
  }
  return connectionSigner(connection, account);
}
