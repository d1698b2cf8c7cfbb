import type { ArtifactResolver } from "../artifacts.js";
import type { MigrationTransactions } from "../deployed-contract.js";
import type { Create2Host } from "../deterministic/deploy-deterministic.js";
import type { Eip1193Provider } from "../provider.js";
import type { Registry } from "../registry/registry.js";
import type { DeploymentResult } from "../results.js";

/** Options of `ctx.deployProxy`. */
export interface DeployProxyOptions {
  /** `"transparent"` (default: an OpenZeppelin TransparentUpgradeableProxy and its ProxyAdmin) or `"uups"` (an ERC1967Proxy; the implementation upgrades itself). */
  readonly kind?: "transparent" | "uups";
  /** Registry name; defaults to the contract name. */
  readonly as?: string;
  /** Function called through the proxy with the arguments, in the proxy's deployment: default `initialize` when the contract has it; `false` for none. */
  readonly initializer?: string | false;
  /** Transparent proxies: the owner of the ProxyAdmin (default: the deploying account). */
  readonly owner?: string;
  /** Address of the account that deploys (default: the migration's deployer). */
  readonly from?: string;
  /** Libraries of the implementation, by name: an address or a registry name. */
  readonly libraries?: Readonly<Record<string, string>>;
  /** Constructor arguments of the implementation (e.g. immutables); usually none. */
  readonly constructorArgs?: readonly unknown[];
  /** Record the proxy without the implementation's storage layout (its first upgrade then cannot be checked either). */
  readonly unsafeSkipStorageCheck?: boolean;
  /**
   * Deploy the implementation and the proxy through the CREATE2 factory with this salt (see
   * `ctx.deploy`'s `salt`): the proxy has one address on every chain. Give the owner explicitly
   * (`owner`, or the initializer's arguments): `msg.sender` in constructors is the factory.
   */
  readonly salt?: string | number | bigint | false;
}

/** Options of `ctx.upgradeProxy`. */
export interface UpgradeProxyOptions {
  /** A function called through the proxy in the upgrade transaction, e.g. a reinitializer: a name, or `{ fn, args }`. */
  readonly call?: string | { readonly fn: string; readonly args?: readonly unknown[] };
  /** Renames you vouch for, by old variable path: `{ owner: "admin" }` (see the storage-layout check). */
  readonly renames?: Readonly<Record<string, string>>;
  /** Upgrade even if the storage layouts are incompatible (or one is unknown). For experts: storage may be corrupted. */
  readonly unsafeSkipStorageCheck?: boolean;
  /** Address of the account that upgrades (default: the migration's deployer). */
  readonly from?: string;
  readonly libraries?: Readonly<Record<string, string>>;
  readonly constructorArgs?: readonly unknown[];
}

export interface ProxyDependencies {
  readonly migrationId: number;
  readonly artifacts: ArtifactResolver;
  readonly registry: Registry;
  /** The migration's deployer's address (the default `from`). */
  readonly deployer: string;
  /** The node (storage, code and calls are read through it). */
  readonly provider: Eip1193Provider;
  /** The migration's journaled sends and waits. */
  readonly transactions: MigrationTransactions;
  readonly onDeployment: (deployment: DeploymentResult) => void;
  readonly onLog: (message: string) => void;
  /** Deterministic deployments (`salt`): the implementation and the proxy go through the CREATE2 factory. */
  readonly create2?: Create2Host;
}
