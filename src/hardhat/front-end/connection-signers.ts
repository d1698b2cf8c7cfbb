import type { NetworkConnection } from "hardhat/types/network";

import { checksumAddress } from "../../core/eth/index.js";
import { providerAccount, type SendingAccount } from "../../core/transactions/sending-account.js";

/**
 * The engine's account `address` on a connection: it signs through the connection's provider
 * (Hardhat's configured accounts, a keystore, or the node's own), whichever library the project uses.
 */
export function connectionAccount(connection: NetworkConnection, address: string): SendingAccount {
  return providerAccount(connection.provider, checksumAddress(address));
}

/** The connection's accounts (`eth_accounts`: Hardhat's configured ones, else the node's). */
export async function connectionAccounts(connection: NetworkConnection): Promise<string[]> {
  return (await connection.provider.request({ method: "eth_accounts" })) as string[];
}
