/** A contract deployed by a migration through `ctx.deploy`. */
export interface DeploymentResult {
  readonly name: string;
  readonly address: string;
  readonly artifact: string;
  readonly transactionHash: string;
  readonly gasUsed: bigint;
  readonly migration: number;
}

/** One migration that ran to completion and was recorded. */
export interface MigrationRunResult {
  readonly id: number;
  readonly fileName: string;
  /** Gas of every transaction the migration sent through its context. */
  readonly gasUsed: bigint;
  /** Gas of recording it in the store (0 for off-chain stores). */
  readonly recordGasUsed: bigint;
  readonly transactions: number;
  /** Transactions an interrupted run had sent, found on chain and reused instead of sent again. */
  readonly reusedTransactions?: number;
  readonly deployments: readonly DeploymentResult[];
  readonly durationMs: number;
}

/** What `migrate` did on one network. */
export interface MigrateResult {
  readonly network: { readonly name: string; readonly chainId: number };
  /** Where the record of completed migrations is kept, e.g. "Migrator 0x…". */
  readonly store: string;
  /** Where the registry is kept: a file path, or "memory". */
  readonly registry: string;
  readonly migrations: readonly MigrationRunResult[];
  readonly deployments: readonly DeploymentResult[];
  /** Set when this run deployed the Migrator. */
  readonly migratorDeployment?: { readonly address: string; readonly gasUsed: bigint };
  /** With `dryRun`: what would run, in order (nothing was sent). */
  readonly planned?: ReadonlyArray<{ readonly id: number; readonly fileName: string }>;
  /** Pending migrations this run left out (`networks`, `skipNetworks`, `--tags`), with why; not recorded. */
  readonly skipped?: ReadonlyArray<{ readonly id: number; readonly fileName: string; readonly reason: string }>;
  /** All gas this run spent: migrations, records and the Migrator deployment. */
  readonly gasUsed: bigint;
  readonly durationMs: number;
}
