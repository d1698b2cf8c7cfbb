import type { RebuildReport } from "../../core/registry/rebuild-registry.js";

/** `migrate registry rebuild`'s report. Pure. */
export function formatRebuild(report: RebuildReport): string {
  const lines = [
    `Rebuilt ${report.registry} for ${report.network.name} (chain ${report.network.chainId}) from ${report.journal} and the chain.`,
    ...(report.migrator !== undefined ? [`  Migrator ${report.migrator}: ${report.completed.length} completed migration(s) (${report.completed.join(", ") || "none"})`] : []),
    ...report.recorded.map((r) => `  ${r.name} ${r.address} (${r.artifact}, migration ${r.migration})`),
    ...report.skipped.map((s) => `  skipped ${s.address} (migration ${s.migration}): ${s.reason}`),
    "Entries are named after their contract: a deployment made with { as: \"...\" } needs its name set back by hand (see docs/registry.md).",
  ];
  return lines.join("\n");
}
