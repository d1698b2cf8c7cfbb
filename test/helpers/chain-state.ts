import { AbiCoder, keccak256 } from "ethers";

import type { Eip1193Provider } from "../../src/core/provider.js";

export interface AccountState {
  code: string;
  balance: string;
  nonce: string;
  storage: Record<string, string>;
}

/** Storage slot of `mapping(address => …)` at `slot` for `key`. */
export function mappingSlot(key: string, slot: number): string {
  return keccak256(AbiCoder.defaultAbiCoder().encode(["address", "uint256"], [key, slot]));
}

/**
 * Code, balance, nonce and the given storage slots (plus slots 0..7) of each account: what a
 * rolled-back migration must leave exactly as it was.
 */
export async function captureState(
  provider: Eip1193Provider,
  accounts: readonly string[],
  extraSlots: readonly string[] = [],
): Promise<Record<string, AccountState>> {
  const slots = [...Array.from({ length: 8 }, (_, i) => `0x${i.toString(16)}`), ...extraSlots];
  const state: Record<string, AccountState> = {};
  for (const account of accounts) {
    const call = (method: string, params: unknown[]) => provider.request({ method, params }) as Promise<string>;
    const storage: Record<string, string> = {};
    for (const slot of slots) {
      storage[slot] = await call("eth_getStorageAt", [account, slot, "latest"]);
    }
    state[account.toLowerCase()] = {
      code: await call("eth_getCode", [account, "latest"]),
      balance: await call("eth_getBalance", [account, "latest"]),
      nonce: await call("eth_getTransactionCount", [account, "latest"]),
      storage,
    };
  }
  return state;
}
