import type { ContractReturnType, GetContractReturnType, PublicClient, WalletClient } from "@nomicfoundation/hardhat-viem/types";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";
import type { Address } from "viem";

import type { DeployOptions, MigrationContextOf, MigrationRegistry } from "./core/context.js";
import type { NamedAccount, NamedAccounts } from "./core/named-accounts.js";
import type { DeployProxyOptions, UpgradeProxyOptions } from "./core/upgrades/proxies.js";

/**
 * What a migration receives in a project on viem (`@nomicfoundation/hardhat-viem`, see
 * `migrations.library`): `export default async function (ctx: ViemMigrationContext) { ... }`.
 * The same as `MigrationContext`, with viem objects where the ethers one has ethers objects.
 */
export interface ViemMigrationContext extends Omit<MigrationContextOf<ViemContract, WalletClient>, "deploy" | "deployProxy" | "upgradeProxy" | "registry" | "accounts" | "account"> {
  readonly hre: HardhatRuntimeEnvironment;
  readonly connection: NetworkConnection;
  /** viem clients whose transactions are the migration's own (journaled, resumable). */
  readonly viem: MigrationViem;
  /** The deployer's wallet client (`ctx.deployer.account.address`); its transactions are journaled. */
  readonly deployer: WalletClient;
  /** `ctx.deploy` of the ethers context, returning a viem contract instance typed from the artifact. */
  deploy<ContractName extends string>(contractName: ContractName, args?: readonly unknown[], options?: DeployOptions): Promise<ContractReturnType<ContractName>>;
  deploy<ContractName extends string>(contractName: ContractName, options: DeployOptions): Promise<ContractReturnType<ContractName>>;
  deployProxy<ContractName extends string>(contractName: ContractName, args?: readonly unknown[], options?: DeployProxyOptions): Promise<ContractReturnType<ContractName>>;
  deployProxy<ContractName extends string>(contractName: ContractName, options: DeployProxyOptions): Promise<ContractReturnType<ContractName>>;
  upgradeProxy<ContractName extends string>(name: string, newContractName: ContractName, options?: UpgradeProxyOptions): Promise<ContractReturnType<ContractName>>;
  readonly registry: ViemMigrationRegistry;
  /** The network's named accounts; `signer()` answers the account's wallet client (its transactions journaled). */
  readonly accounts: NamedAccounts<WalletClient>;
  account(name: string): NamedAccount<WalletClient>;
}

/** The registry as a viem migration (or a viem fixture) sees it. */
export interface ViemMigrationRegistry extends Omit<MigrationRegistry<ViemContract>, "contract"> {
  /** The deployed contract named `name` as a viem instance sending from the deployer. */
  contract<ContractName extends string = string>(name: string): Promise<ContractReturnType<ContractName>>;
}

/** `ctx.viem`: hardhat-viem's helpers, over the migration's tracked provider. */
export interface MigrationViem {
  readonly publicClient: PublicClient;
  getPublicClient(): Promise<PublicClient>;
  getWalletClient(address: Address): Promise<WalletClient>;
  getWalletClients(): Promise<WalletClient[]>;
  getContractAt<ContractName extends string>(contractName: ContractName, address: Address): Promise<ContractReturnType<ContractName>>;
}

/** A viem contract instance of `abi` (public and wallet clients). */
export type ViemContract = GetContractReturnType;
