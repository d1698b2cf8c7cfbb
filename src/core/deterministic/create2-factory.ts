import { create2Address as create2AddressFrom } from "../eth/create2.js";
import { concatHex, isHex, numberToHex } from "../eth/hex.js";
import { keccak256Utf8 } from "../eth/keccak.js";
import { MigrationsError } from "../errors.js";
import type { Eip1193Provider } from "../provider.js";

/**
 * The deterministic deployment proxy (Arachnid/Zoltu): deployed by a pre-signed transaction that
 * works on any chain, so it has the same address everywhere. Its call data is a 32-byte salt
 * followed by init code; it CREATE2s the contract and returns its 20-byte address, and reverts
 * when the CREATE2 fails (a contract already at that address, or the constructor reverted).
 */
export const DETERMINISTIC_DEPLOYMENT_PROXY = {
  address: "0x4e59b44847b379578588920ca78fbf26c0b4956c",
  /** Its runtime code, installed with `hardhat_setCode` on dev chains where it is missing. */
  runtimeCode:
    "0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe03601600081602082378035828234f58015156039578182fd5b8082525050506014600cf3",
  /** The one-time account of its pre-signed deployment, and what that account must be funded with. */
  signer: "0x3fab184622dc19b6109349b94811493bf2a45362",
  deploymentCostWei: 10_000_000_000_000_000n,
} as const;

/** A salt as the factory takes it: 32 bytes, from a 0x-prefixed 32-byte hex string or any text (keccak256). */
export function normalizeSalt(salt: string | number | bigint, name: string): string {
  if (typeof salt === "number" || typeof salt === "bigint") {
    if (BigInt(salt) < 0n || BigInt(salt) >= 1n << 256n) {
      throw new MigrationsError("INVALID_SALT", { salt: String(salt), name, reason: "a number must be between 0 and 2^256 - 1" });
    }
    return numberToHex(BigInt(salt), 32);
  }
  if (typeof salt !== "string" || salt === "") {
    throw new MigrationsError("INVALID_SALT", { salt: String(salt), name, reason: "it is empty" });
  }
  if (isHex(salt, 32)) {
    return salt.toLowerCase();
  }
  return keccak256Utf8(salt);
}

/** Where the factory puts `initCode` (creation bytecode with its constructor arguments) for `salt`. */
export function create2Address(salt: string, initCode: string, factory: string = DETERMINISTIC_DEPLOYMENT_PROXY.address): string {
  return create2AddressFrom(factory, salt, initCode);
}

/** The transaction that deploys `initCode` with `salt` through the factory. */
export function create2Transaction(salt: string, initCode: string, factory: string = DETERMINISTIC_DEPLOYMENT_PROXY.address): { to: string; data: string } {
  return { to: factory, data: concatHex([salt, initCode]) };
}

export async function hasCode(provider: Eip1193Provider, address: string): Promise<boolean> {
  const code = (await provider.request({ method: "eth_getCode", params: [address, "latest"] })) as string;
  return code !== "0x" && code !== "";
}

/**
 * Makes sure the factory is on the chain: on a dev chain it is installed (`hardhat_setCode`, or
 * `anvil_setCode`) when missing; elsewhere a missing factory is CREATE2_FACTORY_MISSING, which says
 * how to deploy it. Nothing is sent: installing code on a dev chain is not a transaction.
 */
export async function ensureCreate2Factory(
  provider: Eip1193Provider,
  chain: { readonly isDevChain: boolean; readonly network: string },
  what: string,
): Promise<void> {
  const factory = DETERMINISTIC_DEPLOYMENT_PROXY;
  if (await hasCode(provider, factory.address)) {
    return;
  }
  if (chain.isDevChain) {
    for (const method of ["hardhat_setCode", "anvil_setCode"]) {
      try {
        await provider.request({ method, params: [factory.address, factory.runtimeCode] });
        return;
      } catch {
        // not this node's dialect: try the next
      }
    }
  }
  throw new MigrationsError("CREATE2_FACTORY_MISSING", {
    factory: factory.address,
    network: chain.network,
    what,
    cost: factory.deploymentCostWei.toString(),
    signer: factory.signer,
  });
}
