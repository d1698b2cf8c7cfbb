import type { Eip1193Provider } from "../provider.js";
import type { StorageReader } from "./erc1967.js";
import type { ContractCaller } from "./uups.js";

/** Storage, code and read-only calls at the latest block, over an EIP-1193 provider. */
export interface ChainReads extends StorageReader, ContractCaller {
  getCode(address: string): Promise<string>;
}

export function chainReads(provider: Eip1193Provider): ChainReads {
  return {
    getStorage: async (address, slot) => (await provider.request({ method: "eth_getStorageAt", params: [address, slot, "latest"] })) as string,
    getCode: async (address) => (await provider.request({ method: "eth_getCode", params: [address, "latest"] })) as string,
    call: async (tx) => (await provider.request({ method: "eth_call", params: [tx, "latest"] })) as string,
  };
}
