import type { ChainInfo } from "../chain.js";
import { MigrationsError, describeError } from "../errors.js";
import type { Eip1193Provider } from "../provider.js";

/** Writes account state directly: what a dev or private node you control allows. */
export interface StateWriter {
  setCode(address: string, code: string): Promise<void>;
  setStorageAt(address: string, slot: string, value: string): Promise<void>;
  setBalance(address: string, wei: string): Promise<void>;
  setNonce(address: string, nonce: number): Promise<void>;
}

const quantity = (hex: string | number | bigint) => `0x${BigInt(hex).toString(16)}`;

/**
 * The state-setting methods of the node: `hardhat_*` (EDR, `hardhat node`), `anvil_*` (anvil), or
 * ganache's `evm_setAccount*`, chosen by `web3_clientVersion`. A node without them fails with
 * BOOTSTRAP_UNSUPPORTED at the first write.
 */
export function devStateWriter(provider: Eip1193Provider, chain: ChainInfo, network: string): StateWriter {
  const client = chain.clientVersion ?? "";
  const flavour = /^anvil/i.test(client) ? "anvil" : /ganache|testrpc/i.test(client) ? "ganache" : "hardhat";
  const send = async (method: string, params: unknown[]) => {
    try {
      await provider.request({ method, params });
    } catch (error) {
      throw new MigrationsError("BOOTSTRAP_UNSUPPORTED", { network, reason: `${method} failed: ${describeError(error)}` }, { cause: error });
    }
  };
  if (flavour === "ganache") {
    return {
      setCode: (a, code) => send("evm_setAccountCode", [a, code]),
      setStorageAt: (a, slot, value) => send("evm_setAccountStorageAt", [a, slot, value]),
      setBalance: (a, wei) => send("evm_setAccountBalance", [a, quantity(wei)]),
      setNonce: (a, nonce) => send("evm_setAccountNonce", [a, quantity(nonce)]),
    };
  }
  return {
    setCode: (a, code) => send(`${flavour}_setCode`, [a, code]),
    // hardhat_setStorageAt takes the slot as a quantity (no leading zeros).
    setStorageAt: (a, slot, value) => send(`${flavour}_setStorageAt`, [a, quantity(slot), value]),
    setBalance: (a, wei) => send(`${flavour}_setBalance`, [a, quantity(wei)]),
    setNonce: (a, nonce) => send(`${flavour}_setNonce`, [a, quantity(nonce)]),
  };
}
