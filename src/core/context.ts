import {
  AbiCoder,
  Contract,
  ContractFactory,
  type Interface,
  isAddress,
  type InterfaceAbi,
  type Signer,
  type TransactionReceipt,
  type TransactionRequest,
  type TransactionResponse,
  ZeroHash,
} from "ethers";

import { fullyQualifiedName, type ArtifactResolver, type ContractArtifact } from "./artifacts.js";
import { checkConstructorArguments } from "./constructor-arguments.js";
import { DETERMINISTIC_DEPLOYMENT_PROXY, ensureCreate2Factory, normalizeSalt } from "./deterministic/create2-factory.js";
import { type Create2Host, deployDeterministic, migrationSendPath } from "./deterministic/deploy-deterministic.js";
import { headBlock, type Eip1193Provider } from "./provider.js";
import { MigrationsError, describeError } from "./errors.js";
import { toJsonValue } from "./json-value.js";
import { linkBytecode } from "./linking.js";
import type { MigrationFile } from "./migration-file.js";
import type { NamedAccount, NamedAccounts } from "./named-accounts.js";
import type { MigrationParameters } from "./parameters.js";
import type { JsonValue, RegistryEntry } from "./registry/registry-document.js";
import { assertRegistryName, type Registry } from "./registry/registry.js";
import type { DeploymentResult } from "./results.js";
import { readSnapshotFile } from "./network-migration/snapshot-document.js";
import { SnapshotReader } from "./network-migration/snapshot-reader.js";
import type { LayoutComparison } from "./upgrades/layout-compatibility.js";
import {
  checkUpgrade,
  deployProxy,
  upgradeProxy,
  type DeployProxyOptions,
  type ProxyDependencies,
  type UpgradeProxyOptions,
} from "./upgrades/proxies.js";

/** Options of `ctx.deploy`. */
export interface DeployOptions {
  /** Registry name; defaults to the contract name. Deploy one contract twice under two names. */
  readonly as?: string;
  /** Libraries to link, by library name or fully qualified name: an address or a registry name. */
  readonly libraries?: Readonly<Record<string, string>>;
  /** Address of the account that deploys (default: the migration's deployer). */
  readonly from?: string;
  /** Wei sent to a payable constructor. */
  readonly value?: bigint | number | string;
  readonly gasLimit?: bigint | number;
  readonly gasPrice?: bigint | number;
  readonly maxFeePerGas?: bigint | number;
  readonly maxPriorityFeePerGas?: bigint | number;
  readonly nonce?: number;
  /**
   * Deploy through the CREATE2 factory (the deterministic deployment proxy) with this salt: a
   * 32-byte hex string, or any text (hashed). The address depends only on the factory, the salt and
   * the init code (bytecode, linked libraries, constructor arguments), so it is the same on every
   * chain; it is known before sending, and a contract already there is reused, not deployed again.
   * `false` deploys normally even when the network has a default salt.
   */
  readonly salt?: string | number | bigint | false;
}

/** The registry as a migration sees it. */
export interface MigrationRegistry {
  /** The entry named `name`; throws (listing what is registered) when there is none. */
  get(name: string): RegistryEntry;
  has(name: string): boolean;
  /** Every entry, by name. */
  all(): Record<string, RegistryEntry>;
  /** The deployed contract named `name`, with its ABI, connected to the deployer. */
  contract(name: string): Promise<Contract>;
}

/** What every migration receives; the Hardhat plugin adds `hre`, `connection` and `ethers`. */
export interface CoreMigrationContext {
  readonly network: { readonly name: string; readonly chainId: number };
  readonly migration: { readonly id: number; readonly purpose: string; readonly fileName: string };
  /**
   * The network's EIP-1193 provider for contract libraries (viem's `custom(ctx.provider)`, a
   * wallet): its `eth_sendTransaction` is the migration's next journaled transaction, sent with the
   * run's nonces and resumed, not sent again, after an interruption, exactly as through `deployer`.
   */
  readonly provider: Eip1193Provider;
  /** The signer migrations send from. Transactions sent through it are awaited and counted. */
  readonly deployer: Signer;
  /**
   * The network's named accounts (`migrations.accounts`, `migrations.networks.<name>.accounts`):
   * `ctx.accounts.treasury.address`, `await ctx.accounts.treasury.signer()`. Reading a name that
   * is not configured throws an error listing the configured ones.
   */
  readonly accounts: NamedAccounts;
  /** `ctx.accounts[name]`, typed without `undefined` (under `noUncheckedIndexedAccess`); throws HHM330 for an unknown name. */
  account(name: string): NamedAccount;
  /**
   * The network's parameters (config, `migrations/parameters/<network>.json`, `--parameters`):
   * `ctx.parameters.string("name")`, `ctx.parameters.bigint("supply")`, `ctx.parameters.get("x", fallback)`.
   */
  readonly parameters: MigrationParameters;
  /**
   * Deploys `contractName` (a name or fully qualified name), waits for it to be mined and records
   * it in the registry under `options.as` or the contract name.
   */
  deploy(contractName: string, args?: readonly unknown[], options?: DeployOptions): Promise<Contract>;
  deploy(contractName: string, options: DeployOptions): Promise<Contract>;
  /**
   * Deploys `contractName` behind a new ERC-1967 proxy (transparent by default, or
   * `{ kind: "uups" }`), calls its initializer (`initialize` by default) with `args` through the
   * proxy, and records the proxy under `options.as` or the contract name, with the
   * implementation and its storage layout. Returns the implementation's ABI at the proxy.
   */
  deployProxy(contractName: string, args?: readonly unknown[], options?: DeployProxyOptions): Promise<Contract>;
  deployProxy(contractName: string, options: DeployProxyOptions): Promise<Contract>;
  /**
   * Upgrades the proxy registered as `name` to `newContractName` in place, after checking that
   * the new storage layout is compatible with the recorded one (an incompatible layout is an
   * error listing every incompatible slot, and nothing is sent). The registry entry keeps the
   * proxy's address; the previous implementation moves to its history.
   */
  upgradeProxy(name: string, newContractName: string, options?: UpgradeProxyOptions): Promise<Contract>;
  /** The storage-layout check `upgradeProxy` would make, without sending anything. */
  checkUpgrade(name: string, newContractName: string, options?: Pick<UpgradeProxyOptions, "renames">): Promise<LayoutComparison>;
  readonly registry: MigrationRegistry;
  /** Prints a line under the migration's heading (and adds it to the run's events). */
  log(message: string): void;
  /**
   * Reads a network snapshot file (`migrate snapshot --out`), checksum checked: re-seed state from
   * it where it cannot be copied (public chains), through the contracts' own functions.
   */
  readSnapshot(file: string): Promise<SnapshotReader>;
}

export interface ContextDependencies {
  readonly migration: MigrationFile;
  /** The tracked provider (see `trackedProvider`). */
  readonly provider: Eip1193Provider;
  readonly network: { readonly name: string; readonly chainId: number };
  readonly deployer: Signer;
  readonly accounts: NamedAccounts;
  readonly parameters: MigrationParameters;
  /** Signer for `options.from`, wrapped the same way as `deployer`. */
  readonly signerFor: (address: string) => Promise<Signer>;
  readonly artifacts: ArtifactResolver;
  readonly registry: Registry;
  readonly onDeployment: (deployment: DeploymentResult) => void;
  /** Waits for a transaction sent through `deployer` (or `signerFor`) with the run's policy. */
  readonly waitForReceipt: (tx: TransactionResponse) => Promise<TransactionReceipt>;
  readonly onLog: (message: string) => void;
  /** What deterministic deployments need: the node, the chain, the journal's replay check, the default salt. */
  readonly create2?: Create2Host;
}

export function createCoreContext(deps: ContextDependencies): CoreMigrationContext {
  const { migration, registry, deployer } = deps;

  async function deploy(
    contractName: string,
    argsOrOptions?: readonly unknown[] | DeployOptions,
    maybeOptions?: DeployOptions,
  ): Promise<Contract> {
    const [args, options] = Array.isArray(argsOrOptions)
      ? [argsOrOptions as readonly unknown[], maybeOptions ?? {}]
      : [[], (argsOrOptions as DeployOptions | undefined) ?? maybeOptions ?? {}];
    const name = options.as ?? contractName.split(":").pop()!;
    assertRegistryName(name);

    let artifact;
    try {
      artifact = await deps.artifacts.readArtifact(contractName);
    } catch (error) {
      throw new MigrationsError("DEPLOYMENT_FAILED", { name: contractName, reason: describeError(error) }, { cause: error });
    }
    const libraries: Record<string, string> = {};
    for (const [lib, target] of Object.entries(options.libraries ?? {})) {
      libraries[lib] = isAddress(target) ? target : registry.get(target).address;
    }
    const bytecode = linkBytecode(artifact, libraries);
    const signer = options.from === undefined ? deployer : await deps.signerFor(options.from);
    const factory = new ContractFactory(artifact.abi as InterfaceAbi, bytecode, signer);
    checkConstructorArguments(contractName, factory.interface, args);

    const overrides: TransactionRequest = {};
    for (const key of ["value", "gasLimit", "gasPrice", "maxFeePerGas", "maxPriorityFeePerGas", "nonce"] as const) {
      if (options[key] !== undefined) {
        (overrides as Record<string, unknown>)[key] = options[key];
      }
    }

    const salt = options.salt === false ? undefined : (options.salt ?? deps.create2?.defaultSalt);
    if (salt !== undefined) {
      return deployWithSalt(name, artifact, factory, bytecode, args, libraries, signer, normalizeSalt(salt, name));
    }
    let contract: Contract;
    let receipt;
    try {
      contract = (await factory.deploy(...args, overrides)) as Contract;
      receipt = await deps.waitForReceipt(contract.deploymentTransaction()!);
    } catch (error) {
      if (MigrationsError.is(error) && error.code !== "DEPLOYMENT_FAILED") {
        throw error;
      }
      throw new MigrationsError("DEPLOYMENT_FAILED", { name, reason: describeError(error) }, { cause: error });
    }
    if (receipt.status !== 1 || receipt.contractAddress === null) {
      throw new MigrationsError("DEPLOYMENT_FAILED", { name, reason: "the deployment transaction reverted" });
    }
    const address = receipt.contractAddress;
    const tx = contract.deploymentTransaction()!;
    await registry.recordDeployment(name, {
      address,
      artifact: fullyQualifiedName(artifact),
      transactionHash: receipt.hash,
      blockNumber: receipt.blockNumber,
      deployer: receipt.from,
      args: decodeConstructorArgs(factory.interface, tx.data, bytecode),
      ...(Object.keys(libraries).length > 0 ? { libraries } : {}),
      ...(artifact.buildInfoId !== undefined ? { buildInfoId: artifact.buildInfoId } : {}),
      migration: migration.id,
    });
    deps.onDeployment({
      name,
      address,
      artifact: fullyQualifiedName(artifact),
      transactionHash: receipt.hash,
      gasUsed: receipt.gasUsed,
      migration: migration.id,
    });
    return new Contract(address, factory.interface, signer);
  }

  /** `ctx.deploy` with a salt: through the CREATE2 factory, or the contract already at the address. */
  async function deployWithSalt(
    name: string,
    artifact: ContractArtifact,
    factory: ContractFactory,
    bytecode: string,
    args: readonly unknown[],
    libraries: Record<string, string>,
    signer: Signer,
    salt: string,
  ): Promise<Contract> {
    const create2 = deps.create2;
    if (create2 === undefined) {
      throw new MigrationsError("DEPLOYMENT_FAILED", { name, reason: "this host does not support deterministic deployments (salt)" });
    }
    const { data: initCode } = await factory.getDeployTransaction(...args);
    await ensureCreate2Factory(create2.provider, { isDevChain: create2.isDevChain, network: create2.network }, name);
    const deployed = await deployDeterministic(
      create2.provider,
      migrationSendPath(signer, deps.waitForReceipt, create2.replaysNext),
      name,
      salt,
      initCode,
    );
    const { address, receipt } = deployed;
    const deployer = await signer.getAddress();
    await registry.recordDeployment(name, {
      address,
      artifact: fullyQualifiedName(artifact),
      // Reused (already at its address): this run sent nothing, so there is no transaction of its own.
      transactionHash: receipt?.hash ?? ZeroHash,
      blockNumber: receipt?.blockNumber ?? (await headBlock(create2.provider)),
      deployer,
      args: decodeConstructorArgs(factory.interface, initCode, bytecode),
      ...(Object.keys(libraries).length > 0 ? { libraries } : {}),
      migration: migration.id,
      create2: { salt, factory: DETERMINISTIC_DEPLOYMENT_PROXY.address, ...(receipt === undefined ? { reused: true } : {}) },
    });
    deps.onDeployment({
      name,
      address,
      artifact: fullyQualifiedName(artifact),
      transactionHash: receipt?.hash ?? ZeroHash,
      gasUsed: receipt?.gasUsed ?? 0n,
      migration: migration.id,
    });
    return new Contract(address, factory.interface, signer);
  }

  const proxyDeps: ProxyDependencies = {
    migrationId: migration.id,
    artifacts: deps.artifacts,
    registry,
    deployer,
    signerFor: deps.signerFor,
    onDeployment: deps.onDeployment,
    onLog: (message) => deps.onLog(message),
    waitForReceipt: deps.waitForReceipt,
    ...(deps.create2 !== undefined ? { create2: deps.create2 } : {}),
  };
  const deployProxyWith = (contractName: string, argsOrOptions?: readonly unknown[] | DeployProxyOptions, maybeOptions?: DeployProxyOptions) =>
    Array.isArray(argsOrOptions)
      ? deployProxy(proxyDeps, contractName, argsOrOptions as readonly unknown[], maybeOptions ?? {})
      : deployProxy(proxyDeps, contractName, [], (argsOrOptions as DeployProxyOptions | undefined) ?? maybeOptions ?? {});

  return {
    network: deps.network,
    provider: deps.provider,
    migration: { id: migration.id, purpose: migration.purpose, fileName: migration.fileName },
    deployer,
    accounts: deps.accounts,
    account: (name) => deps.accounts[name]!,
    parameters: deps.parameters,
    deploy: deploy as CoreMigrationContext["deploy"],
    deployProxy: deployProxyWith as CoreMigrationContext["deployProxy"],
    upgradeProxy: (name, newContractName, options) => upgradeProxy(proxyDeps, name, newContractName, options),
    checkUpgrade: (name, newContractName, options) => checkUpgrade(proxyDeps, name, newContractName, options),
    registry: createMigrationRegistry(registry, deps.artifacts, deployer),
    log: (message) => deps.onLog(String(message)),
    readSnapshot: async (file) => new SnapshotReader(await readSnapshotFile(file)),
  };
}

/** `ctx.registry`: reads of `registry`, and its contracts with their ABIs, connected to `signer`. */
export function createMigrationRegistry(registry: Registry, artifacts: ArtifactResolver, signer: Signer): MigrationRegistry {
  return {
    get: (name) => registry.get(name),
    has: (name) => registry.has(name),
    all: () => registry.all(),
    async contract(name) {
      const entry = registry.get(name);
      const artifact = await artifacts.readArtifact(entry.artifact);
      return new Contract(entry.address, artifact.abi as InterfaceAbi, signer);
    },
  };
}

/** The constructor arguments as mined, normalised to JSON (bigint → decimal string). */
function decodeConstructorArgs(iface: Interface, data: string, bytecode: string): JsonValue[] {
  const inputs = iface.deploy.inputs;
  if (inputs.length === 0) {
    return [];
  }
  const encoded = `0x${data.slice(bytecode.length)}`;
  return toJsonValue(AbiCoder.defaultAbiCoder().decode(inputs, encoded)) as JsonValue[];
}
