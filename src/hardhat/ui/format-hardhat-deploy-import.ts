import type { ImportHardhatDeployResult } from "../../core/imports/import-hardhat-deploy.js";

/** The summary `migrate import hardhat-deploy` prints. */
export function formatHardhatDeployImport(result: ImportHardhatDeployResult): string {
  const { network, format, imported, unchanged, recorded } = result;
  return (
    `Imported ${imported.length} hardhat-deploy (${format}) deployment(s) on ${network.name} (chain ${network.chainId})` +
    (imported.length > 0 ? `: ${imported.join(", ")}` : "") +
    (unchanged.length > 0 ? `; already registered: ${unchanged.join(", ")}` : "") +
    "." +
    (recorded.length > 0 ? `\nRecorded as completed: ${recorded.join(", ")}.` : "")
  );
}
