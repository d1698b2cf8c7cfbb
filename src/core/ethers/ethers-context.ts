import { Contract, type InterfaceAbi, type Provider, type Signer } from "ethers";

import type { CoreMigrationContext, MigrationContextOf } from "../context.js";
import type { DeployedContract } from "../deployed-contract.js";
import { withSigners } from "../named-accounts.js";
import { resolveAddressables } from "./addressables.js";
import { ReceiptView, TrackingSigner } from "./tracking-signer.js";

/** The context in ethers objects: contracts are ethers `Contract`s, accounts ethers signers. */
export type EthersContextBase = MigrationContextOf<Contract, Signer>;

/**
 * `core` dressed in ethers objects: `deployer` and the named accounts' `signer()` are ethers
 * signers whose transactions are the migration's journaled steps (`inner(address)` gives the
 * signer they read, estimate and sign with); `deploy`, `deployProxy`, `upgradeProxy` and
 * `registry.contract` answer ethers `Contract`s connected to the deployer (or to `options.from`).
 * Contracts and other Addressables given as arguments are resolved to their addresses.
 */
export async function dressInEthers(core: CoreMigrationContext, inner: (address: string) => Promise<Signer>): Promise<EthersContextBase> {
  const { signerFor } = ethersSigners(core, inner);
  const deployer = await signerFor(core.deployer.address);
  const contract = async (deployed: DeployedContract, from?: string) =>
    new Contract(deployed.address, deployed.abi as InterfaceAbi, from === undefined ? deployer : await signerFor(from));
  const accounts = withSigners(core.network.name, core.accounts, signerFor);

  type Deploy = EthersContextBase["deploy"];
  type DeployProxy = EthersContextBase["deployProxy"];
  /** The arguments (and the options' `from`, last) of a `deploy`-like call, resolved. */
  const resolved = async (argsOrOptions: unknown, maybeOptions: unknown): Promise<[unknown, unknown, string | undefined]> => {
    const args = Array.isArray(argsOrOptions) ? await resolveAddressables(argsOrOptions) : argsOrOptions;
    const options = (Array.isArray(argsOrOptions) ? maybeOptions : argsOrOptions) as { from?: string; constructorArgs?: readonly unknown[] } | undefined;
    const withArgs = options?.constructorArgs === undefined ? options : { ...options, constructorArgs: await resolveAddressables(options.constructorArgs) };
    return Array.isArray(argsOrOptions) ? [args, withArgs, options?.from] : [withArgs, maybeOptions, options?.from];
  };
  return {
    ...core,
    deployer,
    accounts,
    account: (name) => accounts[name]!,
    deploy: (async (name: string, argsOrOptions?: unknown, maybeOptions?: unknown) => {
      const [a, b, from] = await resolved(argsOrOptions, maybeOptions);
      return contract(await (core.deploy as (...args: unknown[]) => Promise<DeployedContract>)(name, a, b), from);
    }) as Deploy,
    deployProxy: (async (name: string, argsOrOptions?: unknown, maybeOptions?: unknown) => {
      const [a, b, from] = await resolved(argsOrOptions, maybeOptions);
      return contract(await (core.deployProxy as (...args: unknown[]) => Promise<DeployedContract>)(name, a, b), from);
    }) as DeployProxy,
    upgradeProxy: async (name, newContractName, options) => {
      const call = typeof options?.call === "object" ? { ...options.call, args: await resolveAddressables(options.call.args ?? []) } : options?.call;
      const upgraded = await core.upgradeProxy(name, newContractName, options === undefined ? undefined : { ...options, ...(call !== undefined ? { call } : {}) });
      return contract(upgraded, options?.from);
    },
    registry: { ...core.registry, contract: async (name) => contract(await core.registry.contract(name)) },
  };
}

/**
 * The migration's ethers signers (one per address, sharing one view of the receipts), and the
 * receipt of a transaction they sent as an ethers receipt (the run's wait, fetched once).
 */
export function ethersSigners(core: Pick<CoreMigrationContext, "transactions">, inner: (address: string) => Promise<Signer>) {
  const receipts = new ReceiptView(core.transactions);
  const signers = new Map<string, Promise<TrackingSigner>>();
  const signerFor = (address: string): Promise<TrackingSigner> => {
    const key = address.toLowerCase();
    let signer = signers.get(key);
    if (signer === undefined) {
      signer = inner(address).then((found) => new TrackingSigner(found, address, core.transactions, receipts));
      signer.catch(() => signers.delete(key));
      signers.set(key, signer);
    }
    return signer;
  };
  return { signerFor, receipt: (hash: string, provider: Provider) => receipts.receipt(hash, provider) };
}
