import type { StorageIncompatibility } from "./layout-compatibility.js";

/** One line per incompatible variable: where it is, what it was, what is there now, and why. Pure. */
export function formatLayoutReport(incompatibilities: readonly StorageIncompatibility[]): string {
  return incompatibilities
    .map((i) => {
      const where = `slot ${i.slot}, offset ${i.offset}`;
      const now = i.new === undefined ? "(nothing)" : `${i.new.label} (${i.new.type})`;
      return `  ${where}: ${i.old.label} (${i.old.type}) -> ${now}: ${i.kind}: ${i.reason}`;
    })
    .join("\n");
}
