import type { ChainInfo } from "../core/chain.js";
import { MigrationsError } from "../core/errors.js";
import { defaultTransactionPolicy, type TransactionPolicy } from "../core/transactions/transaction-policy.js";
import type { NetworkMigrationsUserConfig } from "./config.js";

/** A network's `confirmations`, `txTimeout`, `pollInterval` and `feeBump` over the defaults for its chain. */
export function networkTransactionPolicy(networkName: string, configured: NetworkMigrationsUserConfig = {}, chain: ChainInfo): TransactionPolicy {
  const defaults = defaultTransactionPolicy(chain.isDevChain);
  if (configured.confirmations === 0 && !chain.isDevChain) {
    throw new MigrationsError("INVALID_OPTION", {
      option: `migrations.networks.${networkName}.confirmations`,
      reason: "0 is only allowed on dev chains; on a live network a transaction counts once mined (1) or later.",
    });
  }
  const bump = configured.feeBump;
  return {
    confirmations: configured.confirmations ?? defaults.confirmations,
    timeoutMs: configured.txTimeout !== undefined ? configured.txTimeout * 1000 : defaults.timeoutMs,
    pollMs: configured.pollInterval !== undefined ? configured.pollInterval * 1000 : defaults.pollMs,
    ...(bump !== undefined && bump !== false
      ? { feeBump: { afterMs: (bump.afterSeconds ?? 60) * 1000, percent: bump.percent ?? 20, maxBumps: bump.maxBumps ?? 5 } }
      : {}),
  };
}
