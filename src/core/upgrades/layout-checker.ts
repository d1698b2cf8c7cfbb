import type { StorageItem, StorageType } from "./storage-layout.js";
import type { AddedVariable, IncompatibilityKind, StorageIncompatibility } from "./layout-comparison.js";

export interface Location {
  /** Path prefix of the members (`""`, `config.`, `users[].`). */
  readonly prefix: string;
  /** Absolute slot of the container when it is known (contract storage, in-place structs). */
  readonly base?: bigint;
  /** Otherwise, how its first slot is derived: `keccak(3)` (a mapping value or array element), `erc7201(id)`. */
  readonly origin?: string;
}

/** Walks an old and a new list of storage items side by side, collecting what moved and what was added. */
export class LayoutChecker {
  readonly issues: StorageIncompatibility[] = [];
  readonly added: AddedVariable[] = [];

  constructor(
    readonly oldTypes: Readonly<Record<string, StorageType>>,
    readonly newTypes: Readonly<Record<string, StorageType>>,
    readonly renames: Readonly<Record<string, string>>,
  ) {}

  compareItems(
    oldItems: readonly StorageItem[],
    newItems: readonly StorageItem[],
    at: Location,
    growthAllowed: boolean,
    topLevel: boolean,
  ): void {
    const matched = new Set<StorageItem>();
    const reported = new Set<StorageItem>();
    const gaps = oldItems.filter((o) => topLevel && isGap(o));
    for (const o of oldItems) {
      if (gaps.includes(o)) {
        continue;
      }
      const path = at.prefix + o.label;
      const expectedName = this.renames[path] ?? o.label;
      const n = newItems.find((candidate) => candidate.slot === o.slot && candidate.offset === o.offset);
      if (n === undefined) {
        const sameName = newItems.find((candidate) => candidate.label === expectedName);
        const occupant = newItems.find((candidate) => overlaps(this.range(candidate, this.newTypes), this.range(o, this.oldTypes)));
        this.issue(o, at, occupant, sameName !== undefined ? "moved" : "removed",
          sameName !== undefined
            ? `moved to ${this.slotOf(sameName, at)}, offset ${sameName.offset}`
            : occupant !== undefined
              ? `removed; its storage is now used by ${occupant.label}`
              : "removed",
        );
        reported.add(o);
        continue;
      }
      if (n.label !== expectedName) {
        const elsewhere = newItems.find((candidate) => candidate.label === expectedName);
        if (elsewhere !== undefined) {
          this.issue(o, at, n, "moved", `moved to ${this.slotOf(elsewhere, at)}, offset ${elsewhere.offset}; ${n.label} took its place`);
          reported.add(o);
          continue;
        }
        if (oldItems.some((other) => other !== o && other.label === n.label)) {
          this.issue(o, at, n, "removed", `removed; its storage is now used by ${n.label}`);
          reported.add(o);
          continue;
        }
      }
      matched.add(n);
      const before = this.issues.length;
      this.compareTypes(o.type, n.type, path, this.childLocation(o, at), growthAllowed, o, n, at);
      if (this.issues.length === before && n.label !== expectedName) {
        this.issue(o, at, n, "renamed", `renamed to ${n.label} (if only the name changed, allow it with renames: { ${JSON.stringify(path)}: ${JSON.stringify(n.label)} })`);
      }
      if (this.issues.length > before) {
        reported.add(o);
      }
    }
    for (const n of newItems) {
      if (matched.has(n)) {
        continue;
      }
      const r = this.range(n, this.newTypes);
      const hit = oldItems.find((o) => !gaps.includes(o) && overlaps(r, this.range(o, this.oldTypes)));
      if (hit !== undefined) {
        if (!reported.has(hit)) {
          reported.add(hit);
          this.issue(hit, at, n, "overlapped", `overlapped by the new variable ${n.label} at ${this.slotOf(n, at)}, offset ${n.offset}`);
        }
        continue;
      }
      const inGap = gaps.some((g) => overlaps(r, this.range(g, this.oldTypes)));
      this.added.push({ label: at.prefix + n.label, type: this.newTypes[n.type]!.label, slot: this.slotOf(n, at), offset: n.offset, inGap });
    }
    // Every matched variable that grew must not run into an old variable after it.
    for (const n of matched) {
      const r = this.range(n, this.newTypes);
      const hit = oldItems.find(
        (o) => !gaps.includes(o) && !reported.has(o) && !(o.slot === n.slot && o.offset === n.offset) && overlaps(r, this.range(o, this.oldTypes)),
      );
      if (hit !== undefined) {
        reported.add(hit);
        this.issue(hit, at, n, "overlapped", `overlapped by ${n.label}, which grew to ${this.newTypes[n.type]!.label}`);
      }
    }
  }

  compareTypes(
    oldId: string,
    newId: string,
    path: string,
    inner: Location,
    growthAllowed: boolean,
    o: StorageItem,
    n: StorageItem,
    at: Location,
  ): void {
    const ot = this.oldTypes[oldId]!;
    const nt = this.newTypes[newId]!;
    const retyped = (why = `retyped from ${ot.label} to ${nt.label}`) => this.issue(o, at, n, "retyped", why, path);
    if (ot.encoding !== nt.encoding) {
      return retyped();
    }
    switch (ot.encoding) {
      case "bytes":
        return ot.label === nt.label ? undefined : retyped();
      case "mapping": {
        if (!this.sameElementary(this.oldTypes[ot.key!]!, this.newTypes[nt.key!]!)) {
          return retyped(`mapping key retyped from ${this.oldTypes[ot.key!]!.label} to ${this.newTypes[nt.key!]!.label}`);
        }
        return this.compareTypes(ot.value!, nt.value!, `${path}[]`, inner, true, o, n, at);
      }
      case "dynamic_array":
        return this.compareTypes(ot.base!, nt.base!, `${path}[]`, inner, false, o, n, at);
      case "inplace":
        break;
    }
    const oldSize = BigInt(ot.numberOfBytes);
    const newSize = BigInt(nt.numberOfBytes);
    if (ot.members !== undefined || nt.members !== undefined) {
      if (ot.members === undefined || nt.members === undefined) {
        return retyped();
      }
      this.compareItems(ot.members, nt.members, { ...inner, prefix: `${path}.` }, growthAllowed, false);
      if (!growthAllowed && newSize > oldSize) {
        this.issue(o, at, n, "grew", `${path} grew from ${oldSize} to ${newSize} bytes, which moves every later element of its array`, path);
      }
      return;
    }
    if (ot.base !== undefined || nt.base !== undefined) {
      if (ot.base === undefined || nt.base === undefined) {
        return retyped();
      }
      const before = this.issues.length;
      this.compareTypes(ot.base, nt.base, `${path}[]`, inner, false, o, n, at);
      if (this.issues.length > before) {
        return;
      }
      if (newSize < oldSize) {
        return this.issue(o, at, n, "shrunk", `shrunk from ${ot.label} to ${nt.label}`, path);
      }
      if (newSize > oldSize && !growthAllowed) {
        return this.issue(o, at, n, "grew", `grew from ${ot.label} to ${nt.label}, which moves every later element of its array`, path);
      }
      return;
    }
    if (this.sameElementary(ot, nt)) {
      return;
    }
    const of = family(ot.label);
    const nf = family(nt.label);
    if (of !== undefined && of === nf) {
      return newSize < oldSize
        ? this.issue(o, at, n, "shrunk", `shrunk from ${ot.label} to ${nt.label}`, path)
        : this.issue(o, at, n, "widened", `widened from ${ot.label} to ${nt.label} (existing values would be misread)`, path);
    }
    return retyped();
  }

  sameElementary(ot: StorageType, nt: StorageType): boolean {
    if (ot.label === nt.label) {
      return true;
    }
    if (isAddressLike(ot.label) && isAddressLike(nt.label)) {
      return true;
    }
    return ot.label.startsWith("enum ") && nt.label.startsWith("enum ") && ot.numberOfBytes === nt.numberOfBytes;
  }

  /** Where the members of `item`'s type live. */
  childLocation(item: StorageItem, at: Location): Location {
    const t = this.oldTypes[item.type]!;
    if (t.encoding === "inplace") {
      return at.base !== undefined ? { prefix: "", base: at.base + BigInt(item.slot) } : { prefix: "", origin: `${at.origin}+${item.slot}` };
    }
    return { prefix: "", origin: `keccak(${slotNumber(item, at)})` };
  }

  slotOf(item: StorageItem, at: Location): string {
    return `slot ${slotNumber(item, at)}`;
  }

  range(item: StorageItem, types: Readonly<Record<string, StorageType>>): [bigint, bigint] {
    const start = BigInt(item.slot) * 32n + BigInt(item.offset);
    const size = BigInt(types[item.type]!.numberOfBytes);
    return [start, start + (size >= 32n ? ((size + 31n) / 32n) * 32n : size)];
  }

  issue(o: StorageItem, at: Location, n: StorageItem | undefined, kind: IncompatibilityKind, reason: string, path = at.prefix + o.label): void {
    this.issues.push({
      kind,
      slot: slotNumber(o, at),
      offset: o.offset,
      old: { label: path, type: this.oldTypes[o.type]!.label },
      ...(n !== undefined ? { new: { label: at.prefix + n.label, type: this.newTypes[n.type]!.label } } : {}),
      reason,
    });
  }
}

/** `3`, or `keccak(3)+1`, `erc7201(id)+0` where the slot is derived. */
function slotNumber(item: StorageItem, at: Location): string {
  return at.base !== undefined ? String(at.base + BigInt(item.slot)) : `${at.origin}+${item.slot}`;
}

function isGap(item: StorageItem): boolean {
  return item.label === "__gap" || item.label.startsWith("__gap_");
}

function isAddressLike(label: string): boolean {
  return label === "address" || label === "address payable" || label.startsWith("contract ");
}

/** `uint`, `int` or `bytes` for sized elementary types (uint8…uint256, int…, bytes1…bytes32). */
function family(label: string): string | undefined {
  return /^(uint|int|bytes)\d+$/.exec(label)?.[1];
}

function overlaps(a: [bigint, bigint], b: [bigint, bigint]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}
