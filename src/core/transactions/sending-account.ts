import type { Eip1193Provider } from "../provider.js";

/**
 * An account the run sends from: its address, and how one fully specified transaction (a JSON-RPC
 * `eth_sendTransaction` request: nonce set; gas and fees when the run knows them) is put on the
 * wire. The engine never signs: Hardhat's configured accounts, a node's, a keystore or a hardware
 * wallet sign behind the provider.
 */
export interface SendingAccount {
  readonly address: string;
  /** Sends `request` and resolves the transaction's hash once the node accepted it. */
  send(request: Readonly<Record<string, unknown>>): Promise<string>;
}

/** `address`, signing through `provider` (`eth_sendTransaction`: the provider holds or asks for the key). */
export function providerAccount(provider: Eip1193Provider, address: string): SendingAccount {
  return {
    address,
    send: async (request) => (await provider.request({ method: "eth_sendTransaction", params: [request] })) as string,
  };
}
