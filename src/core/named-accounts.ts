import type { AccountRef } from "./deployed-contract.js";
import { MigrationsError } from "./errors.js";

/** One named account (`ctx.accounts.treasury`): its address, and a signer when the network has its key. */
export interface NamedAccount<SignerT = AccountRef> {
  readonly name: string;
  readonly address: string;
  /**
   * A signer for this account (the ethers front-end's signer, viem's wallet client), sending
   * through the run's journaled transaction path. Fails (SIGNER_NOT_AVAILABLE) when the network
   * cannot sign for it (an address it has no key for).
   */
  signer(): Promise<SignerT>;
}

/** `ctx.accounts`: the network's named accounts; reading a name that is not one is an error. */
export type NamedAccounts<SignerT = AccountRef> = Readonly<Record<string, NamedAccount<SignerT>>>;

/** Property names JavaScript itself reads on any object (await, JSON, inspection): never errors. */
const PROBED = new Set(["then", "toJSON", "constructor", "inspect", "asymmetricMatch", "$$typeof", "nodeType"]);

/**
 * `ctx.accounts` over `addresses` (name → address, already resolved by the host): a read-only
 * object whose unknown names throw UNKNOWN_NAMED_ACCOUNT listing the known ones. `signerFor`
 * checks that the network can sign for the address (and is what `signer()` answers).
 */
export function createNamedAccounts<SignerT>(
  network: string,
  addresses: Readonly<Record<string, string | Error>>,
  signerFor: (address: string) => Promise<SignerT>,
): NamedAccounts<SignerT> {
  const accounts: Record<string, NamedAccount<SignerT>> = {};
  for (const [name, address] of Object.entries(addresses)) {
    if (address instanceof Error) {
      Object.defineProperty(accounts, name, { enumerable: true, get: () => { throw address; } });
    } else {
      accounts[name] = { name, address, signer: () => signerFor(address) };
    }
  }
  return guarded(network, accounts);
}

/** The same accounts, whose `signer()` answers `signerFor`'s (a front-end's signer) once the engine's check passed. */
export function withSigners<SignerT>(network: string, accounts: NamedAccounts<unknown>, signerFor: (address: string) => Promise<SignerT>): NamedAccounts<SignerT> {
  const dressed: Record<string, NamedAccount<SignerT>> = {};
  for (const name of Object.keys(accounts)) {
    Object.defineProperty(dressed, name, {
      enumerable: true,
      get: () => {
        const account = accounts[name]!;
        return { name, address: account.address, signer: async () => (await account.signer(), signerFor(account.address)) };
      },
    });
  }
  return guarded(network, dressed);
}

function guarded<SignerT>(network: string, accounts: Record<string, NamedAccount<SignerT>>): NamedAccounts<SignerT> {
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
