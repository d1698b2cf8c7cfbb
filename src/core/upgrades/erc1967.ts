import { checksumAddress } from "../eth/address.js";

/** `bytes32(uint256(keccak256("eip1967.proxy.implementation")) - 1)`. */
export const IMPLEMENTATION_SLOT = "0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc";
/** `bytes32(uint256(keccak256("eip1967.proxy.admin")) - 1)`. */
export const ADMIN_SLOT = "0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103";

/** What reads a contract's storage (an ethers Provider fits). */
export interface StorageReader {
  getStorage(address: string, slot: string): Promise<string>;
}

/** The address stored in an ERC-1967 slot of `proxy`. */
export async function readAddressSlot(provider: StorageReader, proxy: string, slot: string): Promise<string> {
  const word = (await provider.getStorage(proxy, slot)).slice(2).padStart(64, "0");
  return checksumAddress(`0x${word.slice(-40)}`);
}
