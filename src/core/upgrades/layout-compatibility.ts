import { LayoutChecker } from "./layout-checker.js";
import type { LayoutCheckOptions, LayoutComparison } from "./layout-comparison.js";
import type { StorageLayout } from "./storage-layout.js";

export type { AddedVariable, IncompatibilityKind, LayoutCheckOptions, LayoutComparison, StorageIncompatibility } from "./layout-comparison.js";

/**
 * Compares the storage layout of a proxy's current implementation (`before`) with the one of an
 * implementation it would be upgraded to (`after`). Compatible means every variable of `before`
 * keeps its slot, offset, name and an identical type in `after`, so the proxy's existing storage
 * reads the same. Variables may be appended after the last one, added in a `__gap` array the old
 * layout reserved (when they stay inside it), and struct members may be appended to structs stored
 * as mapping values. Types match structurally (AST ids, struct and contract names don't matter);
 * `address` and contract types are interchangeable; enums match when their size does.
 */
export function compareStorageLayouts(before: StorageLayout, after: StorageLayout, options: LayoutCheckOptions = {}): LayoutComparison {
  const checker = new LayoutChecker(before.types, after.types, options.renames ?? {});
  checker.compareItems(before.storage, after.storage, { prefix: "", base: 0n }, true, true);
  const issues = [...checker.issues];
  const added = [...checker.added];
  for (const [id, namespace] of Object.entries(before.namespaces ?? {})) {
    const next = after.namespaces?.[id];
    if (next === undefined) {
      issues.push({
        kind: "removed",
        slot: `erc7201(${id})`,
        offset: 0,
        old: { label: `erc7201:${id}`, type: "namespaced storage" },
        reason: `the namespace erc7201:${id} is no longer declared (its storage would be abandoned)`,
      });
      continue;
    }
    const inNamespace = new LayoutChecker(namespace.types, next.types, options.renames ?? {});
    inNamespace.compareItems(namespace.storage, next.storage, { prefix: `erc7201:${id}:`, origin: `erc7201(${id})` }, true, false);
    issues.push(...inNamespace.issues);
    added.push(...inNamespace.added);
  }
  for (const [id, namespace] of Object.entries(after.namespaces ?? {})) {
    if (before.namespaces?.[id] === undefined) {
      added.push(...namespace.storage.map((item) => ({
        label: `erc7201:${id}:${item.label}`,
        type: namespace.types[item.type]!.label,
        slot: `slot erc7201(${id})+${item.slot}`,
        offset: item.offset,
        inGap: false,
      })));
    }
  }
  return { compatible: issues.length === 0, incompatibilities: issues, added };
}
