import type { HookContext, NetworkHooks } from "hardhat/types/hooks";
import type { ChainType, NetworkConnection } from "hardhat/types/network";

import type { HreMigrations } from "../hardhat-migrations.js";

export default async (): Promise<Partial<NetworkHooks>> => ({
  async newConnection<ChainTypeT extends ChainType | string>(
    context: HookContext,
    next: (nextContext: HookContext) => Promise<NetworkConnection<ChainTypeT>>,
  ) {
    const connection: NetworkConnection<ChainTypeT> = await next(context);
    const { HardhatConnectionMigrations } = await import("../connection-migrations.js");
    const { redactAtBoundary } = await import("../redact-boundary.js");
    const { networkSecrets } = await import("../secrets.js");
    const { configuredDeployer } = await import("../configured-deployer.js");
    // The hook context inherits from the HRE, so it sees what the `hre.created` hook installed.
    const { hre } = context.migrations as HreMigrations;
    const migrations = new HardhatConnectionMigrations(hre, connection as NetworkConnection);
    // A simulated dry run impersonates the deployer on a fork: it reads no key when the config names the deployer by address.
    const deployerByAddress = typeof configuredDeployer(hre.config.migrations, connection.networkName) === "string";
    connection.migrations = redactAtBoundary(
      migrations,
      (readOnly) => networkSecrets(connection as NetworkConnection, { accounts: !readOnly }),
      ["registry"],
      // What reads no key never resolves one (a keystore would ask for its password): status, dry runs, store export.
      (method, args) => {
        const run = args[0] as { dryRun?: boolean; simulate?: boolean } | undefined;
        return method === "status" || method === "exportState" || (method === "run" && run?.dryRun === true && (run.simulate !== true || deployerByAddress));
      },
    );
    return connection;
  },
});
