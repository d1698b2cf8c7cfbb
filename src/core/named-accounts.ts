import { MigrationsError } from "./errors.js";
import type { AccountSigner } from "./transactions/ethers-objects.js";

/** One named account (`ctx.accounts.treasury`): its address, and a signer when the network has its key. */
export interface NamedAccount {
  readonly name: string;
  readonly address: string;
  /**
   * A signer for this account, sending through the run's journaled transaction path. Fails
   * (SIGNER_NOT_AVAILABLE) when the network cannot sign for it (an address it has no key for).
   */
  signer(): Promise<AccountSigner>;
}

/** `ctx.accounts`: the network's named accounts; reading a name that is not one is an error. */
export type NamedAccounts = Readonly<Record<string, NamedAccount>>;

/** Property names JavaScript itself reads on any object (await, JSON, inspection): never errors. */
const PROBED = new Set(["then", "toJSON", "constructor", "inspect", "asymmetricMatch", "$$typeof", "nodeType"]);

/**
 * `ctx.accounts` over `addresses` (name → address, already resolved by the host): a read-only
 * object whose unknown names throw UNKNOWN_NAMED_ACCOUNT listing the known ones.
 */
export function createNamedAccounts(
  network: string,
  addresses: Readonly<Record<string, string | Error>>,
  signerFor: (address: string) => Promise<AccountSigner>,
): NamedAccounts {
  const accounts: Record<string, NamedAccount> = {};
  for (const [name, address] of Object.entries(addresses)) {
    if (address instanceof Error) {
      Object.defineProperty(accounts, name, { enumerable: true, get: () => { throw address; } });
    } else {
      accounts[name] = { name, address, signer: () => signerFor(address) };
    }
  }
  return new Proxy(Object.freeze(accounts), {
    get(target, property, receiver) {
      if (typeof property === "string" && !(property in target) && !PROBED.has(property)) {
        const known = Object.keys(target).sort();
        throw new MigrationsError("UNKNOWN_NAMED_ACCOUNT", {
          name: property,
          network,
          known: known.length > 0 ? known.join(", ") : "none",
        });
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
