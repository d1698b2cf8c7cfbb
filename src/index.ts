import { emptyTask, task } from "hardhat/config";
import { definePlugin } from "hardhat/plugins";
import { ArgumentType } from "hardhat/types/arguments";
import type { HardhatPlugin } from "hardhat/types/plugins";

import "./type-extensions.js";

const id = (name: string, description: string) => ({
  name,
  description,
  type: ArgumentType.STRING_WITHOUT_DEFAULT,
  defaultValue: undefined,
});

const noColor = { name: "noColor", description: "Print without colours (also: the NO_COLOR environment variable)" };

const plugin: HardhatPlugin = definePlugin({
  id: "hardhat-migrations",
  npmPackage: "hardhat-migrations",
  hookHandlers: {
    config: () => import("./hardhat/hook-handlers/config.js"),
    hre: () => import("./hardhat/hook-handlers/hre.js"),
    network: () => import("./hardhat/hook-handlers/network.js"),
  },
  tasks: [
    task("migrate", "Runs the pending migrations in migrations/ on the selected network")
      .addOption(id("to", "Run pending migrations up to and including this id"))
      .addOption(id("from", "Run pending migrations from this id on"))
      .addOption(id("only", "Run only the migration with this id"))
      .addOption(id("networks", "Migrate several networks one after another, e.g. sepolia,holesky (instead of --network)"))
      .addOption(id("tags", "Run only the pending migrations tagged with one of these tags (export const tags = [...]), e.g. oracle,token"))
      .addOption(id("parameters", "A JSON file of parameters (ctx.parameters), over the network's; bigints as strings ending in n"))
      .addFlag({ name: "dryRun", description: "Print what would run, in order, and send nothing" })
      .addFlag({ name: "simulate", description: "With --dry-run: run the pending migrations on an in-process fork of the network and report deployments and gas" })
      .addFlag({ name: "reset", description: "Start from a clean record: run every migration again" })
      .addFlag({ name: "confirmReset", description: "Confirm --reset on a network that is not a dev chain" })
      .addFlag({ name: "yes", description: "Don't ask for confirmation before sending to a network that is not a dev chain (CI)" })
      .addFlag({ name: "allowDecommissioned", description: "Migrate even a network that a cutover decommissioned (the system moved to another network)" })
      .addOption(id("migrationTimeout", "Seconds one migration may take before the run stops (0: no limit; default from the config, else 3600, 600 on dev chains)"))
      .addOption(id("forceClean", "Declare the interrupted migration with this id resolved (it will start from scratch), and exit"))
      .addFlag({
        name: "noRollback",
        description: "On dev chains, keep a failed migration's partial state for debugging instead of reverting it",
      })
      .addFlag({ name: "noCompile", description: "Don't build the contracts before migrating" })
      .addFlag({ name: "verify", description: "Verify each deployed contract on the block explorer after its migration (@nomicfoundation/hardhat-verify)" })
      .addFlag(noColor)
      .setAction(() => import("./hardhat/tasks/migrate.js"))
      .build(),
    task(["migrate", "verify"], "Verifies every deployment in the registry not verified yet on the block explorer (retries failures)")
      .setAction(() => import("./hardhat/tasks/verify.js"))
      .build(),
    task(["migrate", "status"], "Shows every migration's state on the network: up, pending, interrupted, changed, missing file or skipped")
      .addFlag({ name: "json", description: "Print the status as JSON" })
      .addOption(id("tags", "Show as skipped the pending migrations that `migrate --tags` with these tags would leave out, e.g. oracle,token"))
      .addFlag(noColor)
      .setAction(() => import("./hardhat/tasks/status.js"))
      .build(),
    task(
      ["migrate", "new"],
      "Creates a migration file from a typed template. Its id is a millisecond timestamp (default: no clash between branches) or, with --next, the next small id; recording either with the Migrator costs the same (~28,300 gas, a timestamp ~50 more for its calldata)",
    )
      .addPositionalArgument({ name: "purpose", description: "What the migration does, e.g. deploy_token" })
      .addFlag({
        name: "next",
        description: "Use the next small id (highest id below 1,000,000,000 + 1, even when timestamp ids exist) instead of a timestamp: ~50 gas less to record; two branches may pick the same one",
      })
      .setAction(() => import("./hardhat/tasks/new.js"))
      .build(),
    task(["migrate", "down"], "Undoes the most recently completed migrations")
      .addOption(id("steps", "How many migrations to undo (default 1)"))
      .addOption(id("to", "Undo every migration completed after this one"))
      .addFlag(noColor)
      .addFlag({ name: "allowDecommissioned", description: "Undo even on a network that a cutover decommissioned" })
      .setAction(() => import("./hardhat/tasks/down.js"))
      .build(),
    task(["migrate", "redo"], "Undoes the most recent migration and runs it again")
      .addFlag({ name: "noCompile", description: "Don't build the contracts first" })
      .addFlag({ name: "allowDecommissioned", description: "Redo even on a network that a cutover decommissioned" })
      .setAction(() => import("./hardhat/tasks/redo.js"))
      .build(),
    task(["migrate", "export"], "Writes every chain's registry with ABIs, shaped for frontends")
      .addOption({ name: "format", description: "json or ts", type: ArgumentType.STRING, defaultValue: "json" })
      .addOption(id("out", "File to write (default: standard output)"))
      .setAction(() => import("./hardhat/tasks/export.js"))
      .build(),
    emptyTask(["migrate", "registry"], "Repairs the deployed-address registry").build(),
    task(["migrate", "registry", "rebuild"], "Rebuilds a lost registry file from the network's journal and the chain (code checked at every address)")
      .setAction(() => import("./hardhat/tasks/registry-rebuild.js"))
      .build(),
    emptyTask(["migrate", "store"], "Moves the record of completed migrations between stores").build(),
    task(["migrate", "store", "export"], "Writes the network's record of completed migrations as JSON")
      .addOption(id("out", "File to write (default: standard output)"))
      .setAction(() => import("./hardhat/tasks/store-export.js"))
      .build(),
    task(["migrate", "store", "import"], "Records the migrations of an exported record in the configured store, without running them")
      .addPositionalArgument({ name: "file", description: "A file written by `migrate store export`" })
      .setAction(() => import("./hardhat/tasks/store-import.js"))
      .build(),
    task(["migrate", "snapshot"], "Captures the registered contracts' state, registry and record at one block (offline network migration)")
      .addOption(id("block", "The block to capture (default: the latest)"))
      .addOption(id("out", "The snapshot file to write"))
      .addOption(id("genesis", "Also (or instead) write the state as a genesis alloc JSON"))
      .setAction(() => import("./hardhat/tasks/snapshot.js"))
      .build(),
    task(["migrate", "bootstrap"], "Makes this dev/private network hold a snapshot's state, registry and record, verified slot by slot")
      .addPositionalArgument({ name: "file", description: "A file written by `migrate snapshot --out`" })
      .setAction(() => import("./hardhat/tasks/bootstrap.js"))
      .build(),
    task(["migrate", "sync"], "Replays the old network's state changes to registered contracts onto the bootstrapped new one, block by block")
      .addOption(id("from", "The old network"))
      .addOption(id("to", "The new network (bootstrapped from --from)"))
      .addOption(id("until", "Stop after this block of the old network (default: run until stopped)"))
      .addOption({ name: "interval", description: "When caught up, milliseconds between looks at the old network", type: ArgumentType.STRING, defaultValue: "1000" })
      .setAction(() => import("./hardhat/tasks/sync.js"))
      .build(),
    task(["migrate", "cutover"], "Final sync, slot-by-slot verification, then decommissions the old network's registry and activates the new one")
      .addOption(id("from", "The old network"))
      .addOption(id("to", "The new network"))
      .setAction(() => import("./hardhat/tasks/cutover.js"))
      .build(),
    emptyTask(["migrate", "import"], "Imports deployments made by other tools").build(),
    task(["migrate", "import", "truffle"], "Imports a Truffle project's deployments and marks its completed migrations as done")
      .addOption({ name: "build", description: "The Truffle build directory", type: ArgumentType.STRING, defaultValue: "build/contracts" })
      .addOption(id("completed", "Number of the last Truffle migration that ran (default: read from Truffle's Migrations contract)"))
      .setAction(() => import("./hardhat/tasks/import-truffle.js"))
      .build(),
    task(["migrate", "import", "hardhat-deploy"], "Imports a hardhat-deploy deployments/<network> folder (v1 or v2) into the registry")
      .addOption(id("dir", "The hardhat-deploy network folder (default: deployments/<network>)"))
      .addOption(id("completed", "Also record the migrations up to this id as completed"))
      .setAction(() => import("./hardhat/tasks/import-hardhat-deploy.js"))
      .build(),
    task(["migrate", "import", "ignition"], "Imports a Hardhat Ignition deployment (ignition/deployments/<id>) into the registry")
      .addOption(id("deploymentId", "Ignition's deployment id (default: chain-<chainId> of the network)"))
      .addOption(id("dir", "The Ignition deployment folder (default: ignition/deployments/<deployment id>)"))
      .addOption(id("completed", "Also record the migrations up to this id as completed"))
      .setAction(() => import("./hardhat/tasks/import-ignition.js"))
      .build(),
  ],
});

export default plugin;
export type * from "./types.js";
export { isMigrationsError, type MigrationsErrorOf, type MigrationsErrorData, type ErrorArguments, type MigrationsErrorCode } from "./is-migrations-error.js";
