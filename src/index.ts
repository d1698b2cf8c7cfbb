import { ArgumentType } from "hardhat/types/arguments";
import type { HardhatPlugin } from "hardhat/types/plugins";
import { definePlugin } from "hardhat/plugins";
import { task } from "hardhat/config";

import "./type-extensions.js";

const plugin: HardhatPlugin = definePlugin({
  id: "hardhat-migrations",
  npmPackage: "hardhat-migrations",
  dependencies: () => [import("@nomicfoundation/hardhat-ethers")],
  hookHandlers: {
    config: () => import("./hardhat/hook-handlers/config.js"),
    hre: () => import("./hardhat/hook-handlers/hre.js"),
    network: () => import("./hardhat/hook-handlers/network.js"),
  },
  tasks: [
    task("migrate", "Runs the pending migrations in migrations/ on the selected network")
      .addOption({
        name: "to",
        description: "Run pending migrations up to and including this id",
        type: ArgumentType.STRING_WITHOUT_DEFAULT,
        defaultValue: undefined,
      })
      .addFlag({
        name: "noRollback",
        description: "On dev chains, keep a failed migration's partial state for debugging instead of reverting it",
      })
      .addFlag({ name: "noCompile", description: "Don't build the contracts before migrating" })
      .setAction(() => import("./hardhat/tasks/migrate.js"))
      .build(),
  ],
});

export default plugin;
export type * from "./types.js";
