import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { MigrationsError } from "../../core/errors.js";
import type { MigrateResult } from "../../core/results.js";
import { MigrationsPluginError } from "../plugin-error.js";
import { formatEvent, formatGas } from "../ui/format-events.js";
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
}

const print = (lines: string[]) => {
  for (const line of lines) {
    console.log(line);
  }
};

export default async function migrateTask(args: MigrateTaskArguments, hre: HardhatRuntimeEnvironment): Promise<MigrateResult | void> {
  if (args.simulate && !args.dryRun) {
    throw new MigrationsPluginError(new MigrationsError("INVALID_OPTION", { option: "--simulate", reason: "it goes with --dry-run." }));
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
    ...(args.dryRun ? { dryRun: true } : {}),
    ...(args.simulate ? { simulate: true } : {}),
    ...(args.reset ? { reset: true } : {}),
    ...(args.confirmReset ? { confirmReset: true } : {}),
    onEvent: (event) => print(formatEvent(event)),
    ...(args.noCompile ? {} : { beforeSend: build }),
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
    throw new MigrationsPluginError(new MigrationsError("NETWORKS_FAILED", { failed: failed.join(", "), total: networks.length }));
  }
}
