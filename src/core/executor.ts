import type { Signer, TransactionResponse } from "ethers";
import { pathToFileURL } from "node:url";

import { createCoreContext, type ContextDependencies, type CoreMigrationContext } from "./context.js";
import { MigrationsError, describeError } from "./errors.js";
import type { MigrationEventListener } from "./events.js";
import type { MigrationFile } from "./migration-file.js";
import type { DeploymentResult, MigrationRunResult } from "./results.js";
import { TrackingSigner } from "./tracking-signer.js";

/** A migration module's function. */
export type MigrationFunction<ContextT> = (ctx: ContextT) => unknown;

export interface ExecuteMigrationOptions<ContextT>
  extends Pick<ContextDependencies, "migration" | "network" | "deployer" | "signerFor" | "artifacts" | "registry"> {
  /** Loads a module by absolute path (the host knows how to import TypeScript). */
  readonly importModule: (url: string) => Promise<unknown>;
  /** Adds the host's properties (hre, connection, …) to the core context. */
  readonly extendContext: (core: CoreMigrationContext) => ContextT;
  readonly emit: MigrationEventListener;
  /** Run the migration's `down` export instead of its default export. */
  readonly entry?: "up" | "down";
}

/**
 * Loads the migration's module and returns its function: the default export (`up`), or the
 * `down` export. A missing default export is an error; a missing `down` resolves `undefined`.
 */
export async function loadMigration<ContextT>(
  migration: MigrationFile,
  importModule: (url: string) => Promise<unknown>,
  entry: "up" | "down" = "up",
): Promise<MigrationFunction<ContextT> | undefined> {
  let mod: unknown;
  try {
    mod = await importModule(pathToFileURL(migration.path).href);
  } catch (error) {
    throw new MigrationsError("MIGRATION_LOAD_FAILED", { file: migration.fileName, reason: describeError(error) }, { cause: error });
  }
  if (entry === "down") {
    const down = (mod as { down?: unknown } | null)?.down ?? ((mod as { default?: { down?: unknown } } | null)?.default as { down?: unknown } | undefined)?.down;
    return typeof down === "function" ? (down as MigrationFunction<ContextT>) : undefined;
  }
  const exported = (mod as { default?: unknown } | null)?.default;
  const fn =
    typeof exported === "function"
      ? exported
      : typeof (exported as { default?: unknown } | undefined)?.default === "function"
        ? (exported as { default: unknown }).default
        : undefined;
  if (typeof fn !== "function") {
    throw new MigrationsError("INVALID_MIGRATION_MODULE", { file: migration.fileName });
  }
  return fn as MigrationFunction<ContextT>;
}

/**
 * Runs one migration: loads it, calls it with its context, then waits until every transaction
 * it sent through the context is mined, failing if one reverted. It does not record anything.
 */
export async function executeMigration<ContextT>(
  options: ExecuteMigrationOptions<ContextT>,
): Promise<Omit<MigrationRunResult, "recordGasUsed">> {
  const started = performance.now();
  const { migration, emit } = options;
  const sent: TransactionResponse[] = [];
  const deployments: DeploymentResult[] = [];
  const track = (signer: Signer) => new TrackingSigner(signer, (tx) => sent.push(tx));

  const fn = (await loadMigration<ContextT>(migration, options.importModule, options.entry))!;
  const core = createCoreContext({
    migration,
    network: options.network,
    deployer: track(options.deployer),
    signerFor: async (address) => track(await options.signerFor(address)),
    artifacts: options.artifacts,
    registry: options.registry,
    onDeployment: (deployment) => {
      deployments.push(deployment);
      emit({ type: "deployment", migration, deployment });
    },
    onLog: (message) => emit({ type: "log", migration, message }),
  });
  await fn(options.extendContext(core));

  let gasUsed = 0n;
  // ctx.deploy already waited for its transactions and checked their receipts: no second round trip.
  const deployed = new Map(deployments.map((d) => [d.transactionHash, d.gasUsed]));
  for (const tx of sent) {
    const deploymentGas = deployed.get(tx.hash);
    if (deploymentGas !== undefined) {
      gasUsed += deploymentGas;
      continue;
    }
    let receipt;
    try {
      receipt = await tx.wait();
    } catch (error) {
      throw new MigrationsError("MIGRATION_TX_REVERTED", { hash: tx.hash, file: migration.fileName, reason: `: ${describeError(error)}` }, { cause: error });
    }
    if (receipt === null || receipt.status !== 1) {
      throw new MigrationsError("MIGRATION_TX_REVERTED", { hash: tx.hash, file: migration.fileName, reason: "" });
    }
    gasUsed += receipt.gasUsed;
  }
  return {
    id: migration.id,
    fileName: migration.fileName,
    gasUsed,
    transactions: sent.length,
    deployments,
    durationMs: performance.now() - started,
  };
}
