import { describeError } from "../../core/errors.js";
import type { MigrationEvent } from "../../core/events.js";
import type { MigrateResult } from "../../core/results.js";

export function formatGas(gas: bigint): string {
  return gas.toLocaleString("en-US");
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** The lines `npx hardhat migrate` prints for one event (none for some). Pure. */
export function formatEvent(event: MigrationEvent): string[] {
  switch (event.type) {
    case "notice":
      return [`Notice: ${event.message}`];
    case "plan": {
      const where = `${event.network.name} (chain ${event.network.chainId})`;
      if (event.pending.length === 0) {
        return [`Nothing to migrate on ${where}: ${event.completed} migration(s) already completed.`];
      }
      if (event.dryRun === true) {
        return [
          `Dry run on ${where}: ${event.pending.length} migration(s) would run, in this order (nothing is sent). Record: ${event.store}.`,
          ...event.pending.map((m) => `  ${m.fileName}`),
        ];
      }
      return [
        `Migrating ${where}: ${event.pending.length} pending, ${event.completed} already completed. Record: ${event.store}.`,
      ];
    }
    case "migrator-deployed":
      return [`Deployed the Migrator at ${event.address} (gas ${formatGas(event.gasUsed)})`];
    case "migration-started":
      return ["", event.migration.fileName];
    case "deployment": {
      const d = event.deployment;
      return [`  ${d.name.padEnd(20)} ${d.address}  gas ${formatGas(d.gasUsed)}`];
    }
    case "log":
      return event.message.split("\n").map((line) => `  | ${line}`);
    case "migration-completed": {
      const r = event.result;
      return [
        `  done in ${formatDuration(r.durationMs)}: ${r.transactions} transaction(s)` +
          (r.reusedTransactions !== undefined ? ` (${r.reusedTransactions} sent by the interrupted run, reused)` : "") +
          `, gas ${formatGas(r.gasUsed)}, recorded (gas ${formatGas(r.recordGasUsed)})`,
      ];
    }
    case "migration-failed":
      return [`  FAILED${event.rolledBack ? " (rolled back)" : ""}: ${describeError(event.error)}`];
    case "migration-undone":
      return [`  undone (${event.how === "down" ? "ran its down()" : "reverted the dev chain to its snapshot"}): ${event.migration.fileName}`];
    case "tx-sent":
    case "tx-waiting":
    case "tx-mined":
      return [];
    case "finished":
      return event.result.planned !== undefined ? [] : ["", formatSummary(event.result)];
  }
}

export function formatSummary(result: MigrateResult): string {
  if (result.migrations.length === 0) {
    return `Registry: ${result.registry}`;
  }
  return [
    `Summary: ${result.migrations.length} migration(s) run, ${result.deployments.length} contract(s) deployed, ` +
      `gas ${formatGas(result.gasUsed)}, ${formatDuration(result.durationMs)}.`,
    `Registry: ${result.registry}`,
  ].join("\n");
}
