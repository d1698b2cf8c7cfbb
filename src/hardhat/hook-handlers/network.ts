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
    // The hook context inherits from the HRE, so it sees what the `hre.created` hook installed.
    const { hre } = context.migrations as HreMigrations;
    const migrations = new HardhatConnectionMigrations(hre, connection as NetworkConnection);
    connection.migrations = redactAtBoundary(migrations, () => networkSecrets(connection as NetworkConnection), ["registry"]);
    return connection;
  },
});
