import { createInterface } from "node:readline/promises";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { MigrationsError } from "../../core/errors.js";
import type { ConfirmationRequest } from "../../core/migrate.js";
import type { MigrateResult } from "../../core/results.js";
import { buildContracts } from "../build-before-migrate.js";
import { MigrationsPluginError } from "../plugin-error.js";
import { ConsoleReporter } from "../ui/console-reporter.js";
import { formatGas } from "../ui/format-events.js";
import { formatInterruption } from "../ui/format-interruption.js";
import { inProcessNote } from "../ui/in-process-note.js";
import { formatVerificationOutcome } from "../ui/format-verification.js";
import type { RunMigrationsOptions } from "../../types.js";

interface MigrateTaskArguments {
  to?: string;
  from?: string;
  only?: string;
  networks?: string;
  tags?: string;
  parameters?: string;
  noRollback: boolean;
  noCompile: boolean;
  dryRun: boolean;
  simulate: boolean;
  reset: boolean;
  confirmReset: boolean;
  yes: boolean;
  allowDecommissioned: boolean;
  forceClean?: string;
  verify: boolean;
  noColor?: boolean;
  migrationTimeout?: string;
}

/**
 * The confirmation before sending to a network that is not a dev chain: a y/N question in a
 * terminal; without one (CI, pipes) it refuses and says to pass --yes.
 */
async function askInTerminal({ network, chainId, what }: ConfirmationRequest): Promise<boolean> {
  if (process.stdin.isTTY !== true || process.stdout.isTTY !== true) {
    throw new MigrationsPluginError(new MigrationsError("CONFIRMATION_REQUIRED", { network, chainId, what }));
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  // In the prompt, Ctrl-C is a keystroke readline sees (no SIGINT reaches the process): a "no".
  const cancel = new AbortController();
  rl.on("SIGINT", () => cancel.abort());
  try {
    const answer = await rl.question(`This will ${what}.\nIt is not a dev chain. Continue? [y/N] `, { signal: cancel.signal });
    return /^y(es)?$/i.test(answer.trim());
  } catch (error) {
    if (cancel.signal.aborted) {
      process.stdout.write("\n");
      return false;
    }
    throw error;
  } finally {
    rl.close();
  }
}

/** Exit status after Ctrl-C, as shells report a process stopped by SIGINT. */
const INTERRUPTED_EXIT_CODE = 130;

/** Exit status of a run that stopped at a migration awaiting its Safe's owners (HHM270): not a failure, not done. */
const AWAITING_APPROVAL_EXIT_CODE = 3;

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
  const reporter = new ConsoleReporter({ noColor: args.noColor === true, simulation: args.simulate });
  const print = (lines: string[]) => reporter.print(lines);
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

  // Ctrl-C: stop sending (the current send or wait ends with INTERRUPTED), let the run release
  // its lock and roll back or journal what it did, then say where it stands. A second Ctrl-C quits.
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) {
      reporter.close();
      process.stdout.write("Second Ctrl-C: quitting at once. `npx hardhat migrate` resumes the run (the journal has what was sent).\n");
      process.exit(INTERRUPTED_EXIT_CODE);
    }
    controller.abort();
    print(["", "Ctrl-C: stopping; nothing more will be sent (press Ctrl-C again to quit at once)."]);
  };
  process.on("SIGINT", onSigint);
  let networkName: string | undefined;
  try {
    return await runMigrate(args, hre, reporter, controller.signal, (name) => (networkName = name));
  } catch (error) {
    if ((error as { code?: unknown }).code === "SAFE_AWAITING_APPROVAL" && !controller.signal.aborted) {
      print(["", (error as Error).message]);
      process.exitCode = AWAITING_APPROVAL_EXIT_CODE;
      return;
    }
    if (!controller.signal.aborted) {
      throw error;
    }
    print(formatInterruption(networkName ?? "the network", reporter.position(), reporter.palette));
    process.exitCode = INTERRUPTED_EXIT_CODE;
  } finally {
    process.off("SIGINT", onSigint);
    reporter.close();
  }
}

async function runMigrate(
  args: MigrateTaskArguments,
  hre: HardhatRuntimeEnvironment,
  reporter: ConsoleReporter,
  signal: AbortSignal,
  onNetwork: (name: string) => void,
): Promise<MigrateResult | void> {
  const print = (lines: string[]) => reporter.print(lines);
  // Build only when a migration will run (once, even for several networks): a run with nothing
  // pending, or a dry run, skips Hardhat's build and its compiler load. --simulate runs them.
  let built: Promise<void> | undefined;
  const build = async () => {
    built ??= buildContracts(hre, print);
    await built;
  };
  if (!args.noCompile && args.simulate) {
    await build();
  }
  const options: RunMigrationsOptions = {
    to: args.to,
    from: args.from,
    only: args.only,
    ...(args.noRollback ? { rollback: false } : {}),
    ...(args.tags !== undefined ? { tags: args.tags } : {}),
    ...(args.parameters !== undefined ? { parameters: args.parameters } : {}),
    ...(args.migrationTimeout !== undefined ? { migrationTimeout: parseTimeout(args.migrationTimeout) } : {}),
    ...(args.dryRun ? { dryRun: true } : {}),
    ...(args.simulate ? { simulate: true } : {}),
    ...(args.reset ? { reset: true } : {}),
    ...(args.confirmReset ? { confirmReset: true } : {}),
    ...(args.yes ? {} : { confirm: askInTerminal }),
    onEvent: reporter.onEvent,
    signal,
    ...(args.allowDecommissioned ? { allowDecommissioned: true } : {}),
    ...(args.noCompile ? {} : { beforeSend: build }),
    ...(args.verify ? { verify: true, onVerification: (outcome) => print([formatVerificationOutcome(outcome)]) } : {}),
  };
  if (args.networks === undefined) {
    const connection = await hre.network.getOrCreate();
    onNetwork(connection.networkName);
    const result = await connection.migrations.run(options);
    const note = inProcessNote(hre, connection);
    if (note !== undefined && !args.dryRun) {
      print([note]);
    }
    return result;
  }

  const networks = args.networks.split(",").map((n) => n.trim()).filter((n) => n !== "");
  const outcomes = await hre.migrations.runMany(networks, {
    ...options,
    onNetwork: (network) => {
      onNetwork(network);
      print(["", `=== ${network} ===`]);
    },
  });
  if (signal.aborted) {
    throw new MigrationsError("INTERRUPTED", { where: "between networks" });
  }
  const p = reporter.palette;
  print(["", "Networks:"]);
  for (const outcome of outcomes) {
    print([
      outcome.error === undefined
        ? `  ${outcome.network}: ${outcome.result.migrations.length} migration(s) run, gas ${formatGas(outcome.result.gasUsed)}`
        : `  ${outcome.network}: ${p.red("FAILED")}: ${outcome.error.message.split("\n")[0]}`,
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
