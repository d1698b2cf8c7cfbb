import { createInterface } from "node:readline/promises";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { MigrationsError } from "../../core/errors.js";
import type { ConfirmationRequest } from "../../core/migrate.js";
import type { MigrateResult } from "../../core/results.js";
import { MigrationsPluginError } from "../plugin-error.js";
import { formatEvent, formatGas } from "../ui/format-events.js";
import { formatVerificationOutcome } from "../ui/format-verification.js";
import type { RunMigrationsOptions } from "../../types.js";

interface MigrateTaskArguments {
  to?: string;
  from?: string;
  only?: string;
  networks?: string;
  noRollback: boolean;
  noCompile: boolean;
  dryRun: boolean;
  simulate: boolean;
  reset: boolean;
  confirmReset: boolean;
  yes: boolean;
  forceClean?: string;
  verify: boolean;
  migrationTimeout?: string;
}

const print = (lines: string[]) => {
  for (const line of lines) {
    console.log(line);
  }
};

/**
 * The confirmation before sending to a network that is not a dev chain: a y/N question in a
 * terminal; without one (CI, pipes) it refuses and says to pass --yes.
 */
async function askInTerminal({ network, chainId, what }: ConfirmationRequest): Promise<boolean> {
  if (process.stdin.isTTY !== true || process.stdout.isTTY !== true) {
    throw new MigrationsPluginError(new MigrationsError("CONFIRMATION_REQUIRED", { network, chainId, what }));
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(`This will ${what}.\nIt is not a dev chain. Continue? [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

export default async function migrateTask(args: MigrateTaskArguments, hre: HardhatRuntimeEnvironment): Promise<MigrateResult | void> {
  try {
    return await runMigrateTask(args, hre);
  } catch (error) {
    if (endedAbnormally(error)) {
      // A timed-out script keeps running (JavaScript cannot stop it) and may keep the process
      // alive forever: once Hardhat has printed the error, end the process if nothing else does.
      setTimeout(() => process.exit(1), 2000).unref();
    }
    throw error;
  }
}

/** Whether a migration timed out or tried to exit: its code may still be running. */
function endedAbnormally(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 10; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (code === "MIGRATION_TIMED_OUT" || code === "MIGRATION_CALLED_EXIT") {
      return true;
    }
    if (code === "NETWORKS_FAILED") {
      return ((current as { outcomes?: Array<{ error?: unknown }> }).outcomes ?? []).some((o) => endedAbnormally(o.error));
    }
  }
  return false;
}

async function runMigrateTask(args: MigrateTaskArguments, hre: HardhatRuntimeEnvironment): Promise<MigrateResult | void> {
  if (args.simulate && !args.dryRun) {
    throw new MigrationsPluginError(new MigrationsError("INVALID_OPTION", { option: "--simulate", reason: "it goes with --dry-run." }));
  }
  if (args.forceClean !== undefined) {
    const connection = await hre.network.getOrCreate();
    const cleaned = await connection.migrations.forceClean(args.forceClean);
    print([
      `Marked ${cleaned.fileName} as resolved on ${connection.networkName}: the ${cleaned.transactions} transaction(s) its interrupted run journaled will not be reused (the journal ${cleaned.journal} keeps them).`,
      "`npx hardhat migrate` will run it from the start. If you finished it by hand instead, record it with `npx hardhat migrate store import`.",
    ]);
    return;
  }
  // Build only when a migration will run (once, even for several networks): a run with nothing
  // pending, or a dry run, skips Hardhat's build and its compiler load. --simulate runs them.
  let built: Promise<void> | undefined;
  const build = async () => {
    built ??= hre.tasks.getTask("build").run({ quiet: true, noTests: true }).then(() => undefined);
    await built;
  };
  if (!args.noCompile && args.simulate) {
    await build();
  }
  const options: RunMigrationsOptions = {
    ...(args.to !== undefined ? { to: args.to } : {}),
    ...(args.from !== undefined ? { from: args.from } : {}),
    ...(args.only !== undefined ? { only: args.only } : {}),
    ...(args.noRollback ? { rollback: false } : {}),
    ...(args.migrationTimeout !== undefined ? { migrationTimeout: parseTimeout(args.migrationTimeout) } : {}),
    ...(args.dryRun ? { dryRun: true } : {}),
    ...(args.simulate ? { simulate: true } : {}),
    ...(args.reset ? { reset: true } : {}),
    ...(args.confirmReset ? { confirmReset: true } : {}),
    ...(args.yes ? {} : { confirm: askInTerminal }),
    onEvent: (event) => print(formatEvent(event)),
    ...(args.noCompile ? {} : { beforeSend: build }),
    ...(args.verify ? { verify: true, onVerification: (outcome) => print([formatVerificationOutcome(outcome)]) } : {}),
  };
  if (args.networks === undefined) {
    const connection = await hre.network.getOrCreate();
    return connection.migrations.run(options);
  }

  const networks = args.networks.split(",").map((n) => n.trim()).filter((n) => n !== "");
  const outcomes = await hre.migrations.runMany(networks, {
    ...options,
    onNetwork: (network) => print(["", `=== ${network} ===`]),
  });
  print(["", "Networks:"]);
  for (const outcome of outcomes) {
    print([
      outcome.error === undefined
        ? `  ${outcome.network}: ${outcome.result.migrations.length} migration(s) run, gas ${formatGas(outcome.result.gasUsed)}`
        : `  ${outcome.network}: FAILED: ${outcome.error.message.split("\n")[0]}`,
    ]);
  }
  const failed = outcomes.filter((o) => o.error !== undefined).map((o) => o.network);
  if (failed.length > 0) {
    throw Object.assign(new MigrationsPluginError(new MigrationsError("NETWORKS_FAILED", { failed: failed.join(", "), total: networks.length })), { outcomes });
  }
}

function parseTimeout(text: string): number {
  const seconds = Number(text);
  if (text.trim() === "" || !Number.isFinite(seconds) || seconds < 0) {
    throw new MigrationsPluginError(new MigrationsError("INVALID_OPTION", { option: "--migration-timeout", reason: `expected a number of seconds (0 for no limit), got "${text}".` }));
  }
  return seconds;
}
