import { createDeploy } from "./context-deploy.js";
import { MigrationsError } from "./errors.js";
import type { ContextDependencies } from "./context-dependencies.js";
import type { AccountRef, DeployedContract, MigrationTransactions } from "./deployed-contract.js";
import { deployCall, type DeployOptions } from "./deploy-options.js";
import { createMigrationRegistry, type MigrationRegistry } from "./migration-registry.js";
import type { NamedAccount, NamedAccounts } from "./named-accounts.js";
import type { MigrationParameters } from "./parameters.js";
import type { Eip1193Provider } from "./provider.js";
import type { MigrationSafe } from "./safe/migration-safe.js";
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

export type { ContextDependencies } from "./context-dependencies.js";
export type { DeployOptions } from "./deploy-options.js";
export type { AccountRef, DeployedContract, MigrationTransactions } from "./deployed-contract.js";
export type { MigrationRegistry } from "./migration-registry.js";

/**
 * What every migration receives, in the objects of its contract library: `ContractT` is what
 * `deploy` and `registry.contract` answer (an ethers `Contract`, a viem instance), `SignerT` the
 * deployer and named accounts' signers (an ethers signer, a viem wallet client).
 */
export interface MigrationContextOf<ContractT, SignerT> {
  readonly network: { readonly name: string; readonly chainId: number };
  readonly migration: { readonly id: number; readonly purpose: string; readonly fileName: string };
  /**
   * The network's EIP-1193 provider for contract libraries (viem's `custom(ctx.provider)`, a
   * wallet): its `eth_sendTransaction` is the migration's next journaled transaction, sent with the
   * run's nonces and resumed, not sent again, after an interruption, exactly as through `deployer`.
   */
  readonly provider: Eip1193Provider;
  /** The account migrations send from. Transactions sent through it are journaled, awaited and counted. */
  readonly deployer: SignerT;
  /**
   * The network's named accounts (`migrations.accounts`, `migrations.networks.<name>.accounts`):
   * `ctx.accounts.treasury.address`, `await ctx.accounts.treasury.signer()`. Reading a name that
   * is not configured throws an error listing the configured ones.
   */
  readonly accounts: NamedAccounts<SignerT>;
  /** `ctx.accounts[name]`, typed without `undefined` (under `noUncheckedIndexedAccess`); throws HHM330 for an unknown name. */
  account(name: string): NamedAccount<SignerT>;
  /**
   * The network's parameters (config, `migrations/parameters/<network>.json`, `--parameters`):
   * `ctx.parameters.string("name")`, `ctx.parameters.bigint("supply")`, `ctx.parameters.get("x", fallback)`.
   */
  readonly parameters: MigrationParameters;
  /**
   * Deploys `contractName` (a name or fully qualified name), waits for it to be mined and records
   * it in the registry under `options.as` or the contract name.
   */
  deploy(contractName: string, args?: readonly unknown[], options?: DeployOptions): Promise<ContractT>;
  deploy(contractName: string, options: DeployOptions): Promise<ContractT>;
  /**
   * Deploys `contractName` behind a new ERC-1967 proxy (transparent by default, or
   * `{ kind: "uups" }`), calls its initializer (`initialize` by default) with `args` through the
   * proxy, and records the proxy under `options.as` or the contract name, with the
   * implementation and its storage layout. Returns the implementation's ABI at the proxy.
   */
  deployProxy(contractName: string, args?: readonly unknown[], options?: DeployProxyOptions): Promise<ContractT>;
  deployProxy(contractName: string, options: DeployProxyOptions): Promise<ContractT>;
  /**
   * Upgrades the proxy registered as `name` to `newContractName` in place, after checking that
   * the new storage layout is compatible with the recorded one (an incompatible layout is an
   * error listing every incompatible slot, and nothing is sent). The registry entry keeps the
   * proxy's address; the previous implementation moves to its history.
   */
  upgradeProxy(name: string, newContractName: string, options?: UpgradeProxyOptions): Promise<ContractT>;
  /** The storage-layout check `upgradeProxy` would make, without sending anything. */
  checkUpgrade(name: string, newContractName: string, options?: Pick<UpgradeProxyOptions, "renames">): Promise<LayoutComparison>;
  readonly registry: MigrationRegistry<ContractT>;
  /**
   * The migration's journaled transaction path in plain values (what `deployer`, viem's clients
   * and `provider` are built on): `send(from, { to, data, value })`, `wait(hash)`.
   */
  readonly transactions: MigrationTransactions;
  /** Prints a line under the migration's heading (and adds it to the run's events). */
  log(message: string): void;
  /**
   * Reads a network snapshot file (`migrate snapshot --out`), checksum checked: re-seed state from
   * it where it cannot be copied (public chains), through the contracts' own functions.
   */
  readSnapshot(file: string): Promise<SnapshotReader>;
  /**
   * Calls that the Safe at `address` must make (it owns the target): `await ctx.safe(safe).call("Box", "setValue", [42])`.
   * Nothing is sent: the first run proposes the Safe transaction and stops (the migration is
   * `awaiting-approval`); once the owners executed it, the next `migrate` completes the migration. See docs/safe.md.
   */
  safe(address: string): MigrationSafe;
}

/**
 * The library-neutral context the engine builds: contracts as address and ABI, accounts as
 * addresses; front-ends build their signers and clients on its `transactions`. Hosts dress it
 * (`MigrationScripts.extendContext`).
 */
export type CoreMigrationContext = MigrationContextOf<DeployedContract, AccountRef>;

export function createCoreContext(deps: ContextDependencies): CoreMigrationContext {
  const { migration, registry } = deps;
  const deploy = createDeploy(deps);

  const proxyDeps: ProxyDependencies = {
    migrationId: migration.id,
    artifacts: deps.artifacts,
    registry,
    deployer: deps.deployer,
    provider: deps.provider,
    transactions: deps.transactions,
    onDeployment: deps.onDeployment,
    onLog: (message) => deps.onLog(message),
    ...(deps.create2 !== undefined ? { create2: deps.create2 } : {}),
  };
  const deployProxyWith = (contractName: string, argsOrOptions?: readonly unknown[] | DeployProxyOptions, maybeOptions?: DeployProxyOptions) => {
    const { args, options } = deployCall(argsOrOptions, maybeOptions);
    return deployProxy(proxyDeps, contractName, args, options);
  };

  return {
    network: deps.network,
    provider: deps.provider,
    migration: { id: migration.id, purpose: migration.purpose, fileName: migration.fileName },
    deployer: { address: deps.deployer },
    accounts: deps.accounts,
    account: (name) => deps.accounts[name]!,
    parameters: deps.parameters,
    transactions: deps.transactions,
    deploy: deploy as CoreMigrationContext["deploy"],
    deployProxy: deployProxyWith as CoreMigrationContext["deployProxy"],
    upgradeProxy: (name, newContractName, options) => upgradeProxy(proxyDeps, name, newContractName, options),
    checkUpgrade: (name, newContractName, options) => checkUpgrade(proxyDeps, name, newContractName, options),
    registry: createMigrationRegistry(registry, deps.artifacts),
    log: (message) => deps.onLog(String(message)),
    readSnapshot: async (file) => new SnapshotReader(await readSnapshotFile(file)),
    safe: (address) => {
      if (deps.safe === undefined) {
        throw new MigrationsError("SAFE_CALL_INVALID", { safe: address, method: "safe", file: migration.fileName, reason: "ctx.safe is not available here (a `down` function, or a host that keeps no workspace)" });
      }
      return deps.safe(address);
    },
  };
}
