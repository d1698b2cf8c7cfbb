import type { ImportTruffleResult } from "../../core/imports/import-truffle.js";

/** The summary `migrate import truffle` prints. */
export function formatTruffleImport(result: ImportTruffleResult): string {
  const { network, imported, unchanged, lastCompleted, recorded } = result;
  return [
    `Imported ${imported.length} Truffle deployment(s) on ${network.name} (chain ${network.chainId})` +
      (imported.length > 0 ? `: ${imported.join(", ")}` : "") +
      (unchanged.length > 0 ? `; already registered: ${unchanged.join(", ")}` : "") +
      ".",
    `Truffle's last completed migration: ${lastCompleted.value} (from the ${lastCompleted.from}); ` +
      (recorded.length > 0 ? `recorded as completed: ${recorded.join(", ")}.` : "nothing new to record."),
  ].join("\n");
}
