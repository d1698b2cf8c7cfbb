import { MigrationsError } from "../../core/errors.js";
import type { MigrationEvent } from "../../core/events.js";
import type { MigrateResult } from "../../core/results.js";
import { colorState, PLAIN, type Palette } from "./colors.js";
import { formatGwei, formatNative } from "./format-amounts.js";

export function formatGas(gas: bigint): string {
  return gas.toLocaleString("en-US");
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** What was spent: gas, the average price paid per gas and the cost in the native currency. */
export interface Spending {
  readonly gasUsed: bigint;
  readonly cost: bigint;
}

/**
 * The lines `npx hardhat migrate` prints for one event (none for some). Pure. The console
 * reporter adds what needs state across events: costs, live waiting lines, balances.
 */
export function formatEvent(event: MigrationEvent, p: Palette = PLAIN): string[] {
  switch (event.type) {
    case "notice":
      return [`${p.yellow("Notice:")} ${event.message}`];
    case "plan": {
      const where = `${event.network.name} (chain ${event.network.chainId})`;
      const missing = event.missingFiles !== undefined ? ` (and ${event.missingFiles} recorded whose file is gone: see \`npx hardhat migrate status\`)` : "";
      if (event.pending.length === 0) {
        return [`Nothing to migrate on ${where}: ${event.completed} migration(s) already completed${missing}.`];
      }
      if (event.dryRun === true) {
        return [
          `Dry run on ${where}: ${event.pending.length} migration(s) would run, in this order (nothing is sent). Record: ${event.store}.`,
          ...event.pending.map((m) => `  ${m.fileName}`),
        ];
      }
      return [
        p.bold(`Migrating ${where}: ${event.pending.length} pending, ${event.completed} already completed${missing}.`) + ` Record: ${event.store}.`,
      ];
    }
    case "migrator-deployed":
      return [`Deployed the Migrator at ${event.address} (gas ${formatGas(event.gasUsed)})`];
    case "migration-started":
      return ["", p.bold(event.migration.fileName)];
    case "deployment": {
      const d = event.deployment;
      return [`  ${d.name.padEnd(20)} ${d.address}  gas ${formatGas(d.gasUsed)}`];
    }
    case "log":
      return event.message.split("\n").map((line) => `  | ${line}`);
    case "migration-completed": {
      const r = event.result;
      return [
        `  ${colorState(p, "done")} in ${formatDuration(r.durationMs)}: ${r.transactions} transaction(s)` +
          (r.reusedTransactions !== undefined ? ` (${r.reusedTransactions} sent by the interrupted run, reused)` : "") +
          `, gas ${formatGas(r.gasUsed)}, recorded (gas ${formatGas(r.recordGasUsed)})`,
      ];
    }
    case "migration-failed":
      // The reason comes once, with the error the run ends with.
      if (MigrationsError.is(event.error, "INTERRUPTED")) {
        return [`  ${colorState(p, "stopped", "STOPPED")} (Ctrl-C)${event.rolledBack ? ", rolled back" : ""}`];
      }
      return [`  ${colorState(p, "failed", "FAILED")}${event.rolledBack ? ` (${colorState(p, "rolled back")})` : ""}: the reason follows.`];
    case "migration-undone":
      return [`  ${colorState(p, "undone")} (${event.how === "down" ? "ran its down()" : "reverted the dev chain to its snapshot"}): ${event.migration.fileName}`];
    case "finished":
      return event.result.planned !== undefined ? [] : ["", formatSummary(event.result)];
    case "tx-sent":
      if (event.reused === true) {
        return [`    tx ${event.hash} ${p.dim(`(${event.label}, nonce ${event.nonce}) reused: the interrupted run sent it`)}`];
      }
      if (event.replaces !== undefined) {
        return [`    tx ${event.hash} ${p.dim(`(nonce ${event.nonce}) sent with a higher fee, replacing ${event.replaces}`)}`];
      }
      return [`    tx ${event.hash} ${p.dim(`(${event.label}, nonce ${event.nonce}) sent`)}`];
    case "tx-waiting":
      return [formatWaiting(event)];
    case "tx-mined":
    case "account":
      return [];
  }
}

/** One waiting line: elapsed time, blocks since it was sent, confirmations so far of those needed. */
export function formatWaiting(event: Extract<MigrationEvent, { type: "tx-waiting" }>): string {
  return `    waiting for ${event.hash.slice(0, 10)}…: ${(event.elapsedMs / 1000).toFixed(1)} s, ${event.blocks} block(s), ${event.confirmations}/${event.required} confirmation(s)`;
}

/** "cost 0.00123 ETH (gas 1,234 at 1.5 gwei)"; the price is the average actually paid. */
export function formatSpending(spent: Spending, chainId: number): string {
  const price = spent.gasUsed === 0n ? 0n : spent.cost / spent.gasUsed;
  return `cost ${formatNative(spent.cost, chainId)} (gas ${formatGas(spent.gasUsed)} at ${formatGwei(price)})`;
}

/** The run's summary; `extra` lines (cost, balance) go before the registry's location. */
export function formatSummary(result: MigrateResult, extra: readonly string[] = []): string {
  if (result.migrations.length === 0) {
    return [...extra, `Registry: ${result.registry}`].join("\n");
  }
  return [
    `Summary: ${result.migrations.length} migration(s) run, ${result.deployments.length} contract(s) deployed, ` +
      `gas ${formatGas(result.gasUsed)}, ${formatDuration(result.durationMs)}.`,
    ...extra,
    `Registry: ${result.registry}`,
  ].join("\n");
}
