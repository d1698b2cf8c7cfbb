import type { ArtifactResolver } from "./artifacts.js";
import type { MigrationTransactions } from "./deployed-contract.js";
import type { Create2Host } from "./deterministic/deploy-deterministic.js";
import type { MigrationFile } from "./migration-file.js";
import type { NamedAccounts } from "./named-accounts.js";
import type { MigrationParameters } from "./parameters.js";
import type { Eip1193Provider } from "./provider.js";
import type { Registry } from "./registry/registry.js";
import type { DeploymentResult } from "./results.js";
import type { MigrationSafe } from "./safe/migration-safe.js";

/** What `createCoreContext` builds a migration's context from (the executor provides it). */
export interface ContextDependencies {
  readonly migration: MigrationFile;
  /** The tracked provider (see `trackedProvider`). */
  readonly provider: Eip1193Provider;
  readonly network: { readonly name: string; readonly chainId: number };
  /** The deployer's address. */
  readonly deployer: string;
  readonly accounts: NamedAccounts;
  readonly parameters: MigrationParameters;
  /** The migration's journaled sends and waits (every transaction of the context goes through it). */
  readonly transactions: MigrationTransactions;
  readonly artifacts: ArtifactResolver;
  readonly registry: Registry;
  readonly onDeployment: (deployment: DeploymentResult) => void;
  readonly onLog: (message: string) => void;
  /** What deterministic deployments need: the node, the chain, the journal's replay check, the default salt. */
  readonly create2?: Create2Host;
  /** `ctx.safe`; absent: the host keeps no Safe proposals (the call throws). */
  readonly safe?: (address: string) => MigrationSafe;
}
