import type { ImportIgnitionResult } from "../../core/imports/import-ignition.js";

/** The summary `migrate import ignition` prints. */
export function formatIgnitionImport(result: ImportIgnitionResult): string {
  const { network, imported, unchanged, skipped, recorded } = result;
  const lines = [
    `Imported ${imported.length} Ignition deployment(s) on ${network.name} (chain ${network.chainId})` +
      (imported.length > 0 ? ":" : "") +
      (unchanged.length > 0 && imported.length === 0 ? `; already registered: ${unchanged.join(", ")}.` : imported.length === 0 ? "." : ""),
  ];
  for (const { name, futureId } of imported) {
    lines.push(`  ${name.padEnd(20)} from ${futureId}`);
  }
  if (imported.length > 0 && unchanged.length > 0) {
    lines.push(`Already registered: ${unchanged.join(", ")}.`);
  }
  if (skipped.length > 0) {
    lines.push(`Not imported: ${skipped.map((s) => `${s.futureId} (${s.reason})`).join(", ")}.`);
  }
  if (recorded.length > 0) {
    lines.push(`Recorded as completed: ${recorded.join(", ")}.`);
  }
  return lines.join("\n");
}
