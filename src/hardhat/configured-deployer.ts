import type { NetworkConnection } from "hardhat/types/network";

import { MigrationsError, describeError } from "../core/errors.js";
import { checksumAddress } from "../core/eth/index.js";
import type { Eip1193Provider } from "../core/provider.js";
import type { SendingAccount } from "../core/transactions/sending-account.js";
import { networkNamedAccounts, type NamedAccountConfig } from "./accounts-config.js";
import type { MigrationsConfig } from "./config.js";
import { connectionAccount, connectionAccounts } from "./front-end/connection-signers.js";
import { describeNamedAccount, namedAccountAddress } from "./named-accounts-resolver.js";

/**
 * The network's `deployer` named account (`migrations.accounts.deployer`, per network, or the
 * legacy `migrations.deployer`: an account index, an address or a configVariable) as an account of
 * `connection`.
 */
export async function resolveConfiguredDeployer(configured: NamedAccountConfig, connection: NetworkConnection): Promise<SendingAccount> {
  const unavailable = (reason: string, cause?: unknown) =>
    new MigrationsError(
      "SIGNER_NOT_AVAILABLE",
      { deployer: describeNamedAccount(configured), network: connection.networkName, reason },
      cause === undefined ? undefined : { cause },
    );
  if (typeof configured !== "number") {
    try {
      return connectionAccount(connection, await namedAccountAddress("deployer", configured, connection, async () => []));
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
  return connectionAccount(connection, account);
}

/** The network's `deployer` named account as configured (`accounts.deployer`, per network, else `migrations.deployer`). */
export function configuredDeployer(config: MigrationsConfig, network: string): NamedAccountConfig {
  return networkNamedAccounts(config.named, network).deployer ?? config.deployer;
}

/**
 * The deployer's address when it is known without reading a secret: configured as an address, or
 * an index into the node's own accounts (`accounts: "remote"`, asked with `eth_accounts` on
 * `provider`). Undefined when only a key would tell (the network's `accounts` keys, a keystore
 * `configVariable`): read-only commands do not read keys, so no keystore password is asked.
 */
export async function knownDeployerAddress(configured: NamedAccountConfig, connection: NetworkConnection, provider: Eip1193Provider): Promise<string | undefined> {
  if (typeof configured === "string") {
    return checksumAddress(configured);
  }
  const config = connection.networkConfig;
  if (typeof configured !== "number" || config.type !== "http" || config.accounts !== "remote") {
    return undefined;
  }
  const accounts = (await provider.request({ method: "eth_accounts" }).catch(() => [])) as string[];
  return accounts[configured] === undefined ? undefined : checksumAddress(accounts[configured]);
}
