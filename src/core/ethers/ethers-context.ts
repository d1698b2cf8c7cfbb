import { Contract, type InterfaceAbi, type Provider, type Signer } from "ethers";

import type { CoreMigrationContext, MigrationContextOf } from "../context.js";
import type { DeployedContract } from "../deployed-contract.js";
import { deployCall, type DeployOptions } from "../deploy-options.js";
import type { DeployProxyOptions } from "../upgrades/proxy-options.js";
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
  const contract = async ({ address, abi, from }: DeployedContract) =>
    new Contract(address, abi as InterfaceAbi, from === undefined ? deployer : await signerFor(from));
  const accounts = withSigners(core.network.name, core.accounts, signerFor);

  /** A `deploy`-like call's arguments (and the implementation's constructor arguments), Addressables resolved. */
  const resolved = async <OptionsT extends object>(argsOrOptions: readonly unknown[] | OptionsT | undefined, maybeOptions: OptionsT | undefined) => {
    const { args, options } = deployCall(argsOrOptions, maybeOptions);
    const given = (options as { constructorArgs?: readonly unknown[] }).constructorArgs;
    const constructorArgs = given === undefined ? {} : { constructorArgs: await resolveAddressables(given) };
    return [await resolveAddressables(args), { ...options, ...constructorArgs } as OptionsT] as const;
  };
  return {
    ...core,
    deployer,
    accounts,
    account: (name) => accounts[name]!,
    deploy: (async (name: string, argsOrOptions?: readonly unknown[] | DeployOptions, maybeOptions?: DeployOptions) =>
      contract(await core.deploy(name, ...(await resolved(argsOrOptions, maybeOptions))))) as EthersContextBase["deploy"],
    deployProxy: (async (name: string, argsOrOptions?: readonly unknown[] | DeployProxyOptions, maybeOptions?: DeployProxyOptions) =>
      contract(await core.deployProxy(name, ...(await resolved(argsOrOptions, maybeOptions))))) as EthersContextBase["deployProxy"],
    upgradeProxy: async (name, newContractName, options) => {
      const call = typeof options?.call === "object" ? { ...options.call, args: await resolveAddressables(options.call.args ?? []) } : options?.call;
      const upgraded = await core.upgradeProxy(name, newContractName, options === undefined ? undefined : { ...options, ...(call !== undefined ? { call } : {}) });
      return contract(upgraded);
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
