import type { StatusReport } from "../../core/status.js";
import { colorState, PLAIN, type Palette } from "./colors.js";

/** `migrate status` as a table, one row per migration, states coloured when `p` has colour. Pure. */
export function formatStatus(report: StatusReport, p: Palette = PLAIN): string {
  const kind = `${report.kind.live ? "live network" : "dev chain"} (${report.kind.source === "config" ? "set by migrations.networks." + report.network.name + ".live" : report.kind.client !== undefined ? `detected: ${report.kind.client}` : "detected"})`;
  const header = `Migrations on ${report.network.name} (chain ${report.network.chainId}, ${kind}). Record: ${report.store}.`;
  if (report.rows.length === 0) {
    return `${header}\nNo migrations.`;
  }
  const rows = report.rows.map((row) => [
    String(row.id),
    row.fileName ?? "(no file)",
    row.state,
    row.skippedBecause !== undefined
      ? `(${row.skippedBecause})`
      : row.awaitingApproval !== undefined
      ? `Safe ${row.awaitingApproval.safe}, nonce ${row.awaitingApproval.nonce}${row.awaitingApproval.state === "failed" ? " (execution failed)" : ""}`
      : row.interrupted !== undefined
      ? `${row.interrupted.transactions} tx sent, started ${row.interrupted.startedAt}`
      : row.blockNumber !== undefined
        ? `block ${row.blockNumber}`
        : row.recordedAt ?? "",
    row.transactionHash ?? row.awaitingApproval?.safeTxHash ?? "",
  ]);
  const headings = ["id", "migration", "state", "recorded", "transaction"];
  const widths = headings.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  // Pad first, colour after: escape codes must not count as width.
  const line = (cells: string[], colored = false) =>
    cells.map((c, i) => (colored && i === 2 ? colorState(p, c, c.padEnd(widths[i]!)) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  const counts = new Map<string, number>();
  for (const row of report.rows) {
    counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
  }
  const summary = [...counts].map(([state, n]) => colorState(p, state, `${n} ${state}`)).join(", ");
  const advice = report.rows.some((row) => row.state === "interrupted")
    ? ["The network is dirty: `npx hardhat migrate` resumes interrupted migrations without sending anything twice; `npx hardhat migrate --force-clean <id>` abandons one."]
    : [];
  for (const row of report.rows) {
    if (row.awaitingApproval !== undefined) {
      advice.push(
        `${row.fileName} awaits the Safe ${row.awaitingApproval.safe}: Safe transaction ${row.awaitingApproval.safeTxHash} (${row.awaitingApproval.description}), Transaction Builder file ${row.awaitingApproval.batchFile}. Once the owners executed it, \`npx hardhat migrate\` completes it.`,
      );
    }
  }
  return [header, line(headings), ...rows.map((row) => line(row, true)), summary, ...advice].join("\n");
}
