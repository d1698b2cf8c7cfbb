import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

import { createCoreContext, type ContextDependencies, type CoreMigrationContext, type MigrationTransactions } from "./context.js";
import { MigrationsError, describeError } from "./errors.js";
import type { MigrationEventListener } from "./events.js";
import { guardMigration } from "./migration-guard.js";
import type { MigrationFile } from "./migration-file.js";
import { createNamedAccounts } from "./named-accounts.js";
import { createMigrationParameters, type ParameterSet } from "./parameters.js";
import type { DeploymentResult, MigrationRunResult } from "./results.js";
import { createSafeAccess } from "./safe/migration-safe.js";
import type { SafeProposalStorage } from "./safe/safe-proposal.js";
import type { MigrationSender } from "./transactions/migration-sender.js";
import type { SendingAccount } from "./transactions/sending-account.js";
import { trackedProvider } from "./transactions/tracked-provider.js";
import { loadCommonJs } from "./truffle/commonjs-loader.js";
import { moduleFormat } from "./truffle/script-style.js";

/** A migration module's function. */
export type MigrationFunction<ContextT> = (ctx: ContextT) => unknown;

export interface ExecuteMigrationOptions<ContextT>
  extends Pick<ContextDependencies, "migration" | "network" | "artifacts" | "registry"> {
  /** The account migrations send from by default. */
  readonly deployer: SendingAccount;
  /** The account of `ctx.deploy(..., { from })`, a named account's signer, a library's `from` (fails when the network cannot sign for it). */
  readonly accountFor: (address: string) => Promise<SendingAccount>;
  /** Loads a module by absolute path (the host knows how to import TypeScript). */
  readonly importModule: (url: string) => Promise<unknown>;
  /** Adds the host's properties (hre, connection, …) to the core context. */
  readonly extendContext: (core: CoreMigrationContext) => ContextT | Promise<ContextT>;
  readonly emit: MigrationEventListener;
  /** Run the migration's `down` export instead of its default export. */
  readonly entry?: "up" | "down";
  /** Sends (nonces, journal, resume) and waits for the migration's transactions. */
  readonly sender: MigrationSender;
  /** The salt of every `ctx.deploy` without its own (per-network or global config): deterministic by default. */
  readonly defaultSalt?: string;
  /** The node's accounts: the `accounts` argument of Truffle-style scripts (default: the deployer). */
  readonly accounts?: () => Promise<string[]>;
  /** How long the script and its transactions may take (ms; 0 or undefined: no limit). See `guardMigration`. */
  readonly timeoutMs?: number;
  /** The network's named accounts (`ctx.accounts`), resolved by the host. */
  readonly named?: () => Promise<Readonly<Record<string, string | Error>>>;
  /** The network's parameters (`ctx.parameters`). */
  readonly parameters?: () => Promise<ParameterSet>;
  /** Where `ctx.safe` keeps its proposals (the chain's workspace); absent: no `ctx.safe`. */
  readonly safeProposals?: SafeProposalStorage | undefined;
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
  if (entry === "down") {
    const source = await readSource(migration);
    if (moduleFormat(migration.fileName, source) === "commonjs") {
      // Truffle scripts have no `down` (on dev chains they are undone by snapshot); a CommonJS
      // file in this plugin's style may export one. Truffle's globals are inert placeholders here.
      let exported: unknown;
      try {
        exported = loadCommonJs(migration.path, source, { artifacts: { require: () => ({}) }, web3: {} });
      } catch (error) {
        throw new MigrationsError("MIGRATION_LOAD_FAILED", { file: migration.fileName, reason: describeError(error) }, { cause: error });
      }
      const down = (exported as { down?: unknown } | null)?.down;
      return typeof down === "function" ? (down as MigrationFunction<ContextT>) : undefined;
    }
  }
  let mod: unknown;
  try {
    // The content hash in the URL: a file edited while the process lives (a script calling run()
    // twice, a test, the console) is loaded afresh instead of from the ES module cache.
    mod = await importModule(`${pathToFileURL(migration.path).href}?content=${migration.contentHash.slice(2, 18)}`);
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
  const deployments: DeploymentResult[] = [];
  const { sender } = options;

  const source = await readSource(migration);
  const commonJs = options.entry !== "down" && moduleFormat(migration.fileName, source) === "commonjs";
  const onDeployment = (deployment: DeploymentResult) => {
    deployments.push(deployment);
    emit({ type: "deployment", migration, deployment });
  };
  const deployer = options.deployer;
  const accountFor = async (address: string | undefined) =>
    address === undefined || address.toLowerCase() === deployer.address.toLowerCase() ? deployer : options.accountFor(address);
  const transactions: MigrationTransactions = {
    send: async (from, tx) => sender.send(await accountFor(from), tx),
    wait: (hash) => sender.wait(hash),
  };
  const provider = trackedProvider(sender.chain.provider, sender, accountFor);
  const onLog = (message: string) => emit({ type: "log", migration, message });
  const { safeProposals } = options;
  const safe =
    safeProposals === undefined
      ? undefined
      : createSafeAccess({ ...options, provider: sender.chain.provider, chainId: options.network.chainId, network: options.network.name, migration, proposals: safeProposals, onLog });
  const core = createCoreContext({
    provider,
    ...(safe !== undefined ? { safe } : {}),
    migration,
    network: options.network,
    deployer: deployer.address,
    accounts: createNamedAccounts(options.network.name, (await options.named?.()) ?? {}, async (address) => ({ address: (await accountFor(address)).address })),
    parameters: createMigrationParameters(options.network.name, (await options.parameters?.()) ?? { values: {}, sources: ["hardhat.config.ts"] }),
    transactions,
    create2: {
      ...sender.chain,
      network: options.network.name,
      replaysNext: (tx) => sender.replaysNext(tx),
      ...(options.defaultSalt !== undefined ? { defaultSalt: options.defaultSalt } : {}),
    },
    artifacts: options.artifacts,
    registry: options.registry,
    onDeployment,
    onLog,
  });
  await guardMigration(migration.fileName, options.timeoutMs, async () => {
    // Loading runs the module's top level: guarded too (a top-level process.exit, a hang).
    const fn = commonJs ? undefined : (await loadMigration<ContextT>(migration, options.importModule, options.entry))!;
    if (fn !== undefined) {
      await fn(await options.extendContext(core));
    } else {
      // The Truffle runtime (on ethers) is loaded only for the CommonJS scripts that need it.
      const { runCommonJsMigration } = await import("./truffle/run-commonjs-migration.js");
      await runCommonJsMigration({
        migration,
        source,
        core,
        artifacts: options.artifacts,
        registry: options.registry,
        accounts: options.accounts ?? (async () => [deployer.address]),
        context: () => options.extendContext(core),
        onDeployment,
      });
    }
    await sender.drain();
  });

  let gasUsed = 0n;
  // Receipts the sender already has (ctx.deploy waited for its own) cost no second round trip.
  const sent = [...sender.sent];
  for (const tx of sent) {
    let receipt;
    try {
      receipt = await sender.wait(tx.hash);
    } catch (error) {
      throw new MigrationsError("MIGRATION_TX_REVERTED", { hash: tx.hash, file: migration.fileName, reason: `: ${describeError(error)}` }, { cause: error });
    }
    if (receipt.status !== 1) {
      throw new MigrationsError("MIGRATION_TX_REVERTED", { hash: tx.hash, file: migration.fileName, reason: "" });
    }
    gasUsed += receipt.gasUsed;
  }
  return {
    id: migration.id,
    fileName: migration.fileName,
    gasUsed,
    transactions: sent.length,
    ...(sender.reused > 0 ? { reusedTransactions: sender.reused } : {}),
    deployments,
    durationMs: performance.now() - started,
  };
}

async function readSource(migration: MigrationFile): Promise<string> {
  try {
    return await readFile(migration.path, "utf8");
  } catch (error) {
    throw new MigrationsError("MIGRATION_LOAD_FAILED", { file: migration.fileName, reason: describeError(error) }, { cause: error });
  }
}
