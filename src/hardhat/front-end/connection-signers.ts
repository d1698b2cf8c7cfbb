import { getAddress, JsonRpcSigner, type Signer } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { ImmediateBrowserProvider } from "./immediate-browser-provider.js";

/**
 * The engine's signers of a connection's accounts: hardhat-ethers' when the project loads it
 * (what it always did), else signers over the connection's provider (the accounts Hardhat
 * configures or the node holds sign; a project on viem needs no hardhat-ethers).
 */
const providers = new WeakMap<NetworkConnection, ImmediateBrowserProvider>();

export async function connectionSigner(connection: NetworkConnection, address: string): Promise<Signer> {
  const ethers = (connection as unknown as Partial<Pick<NetworkConnection, "ethers">>).ethers;
  if (ethers !== undefined) {
    return ethers.getSigner(address);
  }
  let provider = providers.get(connection);
  if (provider === undefined) {
    // One chain per connection (the engine checked its identity): its id is asked once, not before
    // every receipt as ethers does by default; no 250 ms result cache, whose timer held the
    // process open 250 ms after a run (and could repeat a "no receipt yet" for 250 ms); and each
    // request sent at once, not from a timer.
    provider = new ImmediateBrowserProvider(connection.provider, undefined, { staticNetwork: true, cacheTimeout: -1 });
    providers.set(connection, provider);
  }
  return new JsonRpcSigner(provider, getAddress(address));
}

/** The connection's accounts (`eth_accounts`: Hardhat's configured ones, else the node's). */
export async function connectionAccounts(connection: NetworkConnection): Promise<string[]> {
  return (await connection.provider.request({ method: "eth_accounts" })) as string[];
}
