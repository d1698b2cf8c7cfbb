/** What comparing two storage layouts finds (`compareStorageLayouts`). */

/** Why a variable of the old layout is not where (or what) the new layout expects. */
export type IncompatibilityKind = "removed" | "moved" | "renamed" | "retyped" | "shrunk" | "widened" | "grew" | "overlapped";

export interface StorageIncompatibility {
  readonly kind: IncompatibilityKind;
  /**
   * The old variable's slot: a decimal number for contract storage (and structs stored in place),
   * `keccak(<n>)+<m>` for members of mapping values and array elements, whose slot is derived
   * from the enclosing variable's slot `n`, and `erc7201(<id>)+<m>` in ERC-7201 namespaces.
   */
  readonly slot: string;
  /** Byte offset inside the slot. */
  readonly offset: number;
  /** The old variable: its path (`owner`, `config.fee`, `users[].name`) and type. */
  readonly old: { readonly label: string; readonly type: string };
  /** What the new layout has at that position (absent when nothing starts there). */
  readonly new?: { readonly label: string; readonly type: string };
  readonly reason: string;
}

/** A variable of the new layout in storage the old layout did not use. */
export interface AddedVariable {
  readonly label: string;
  readonly type: string;
  readonly slot: string;
  readonly offset: number;
  /** Placed in a `__gap` the old layout reserved. */
  readonly inGap: boolean;
}

export interface LayoutCheckOptions {
  /**
   * Renames you vouch for: old variable path => new name, e.g. `{ owner: "admin" }` or
   * `{ "config.fee": "feeBps" }`. Without it a renamed variable is breaking: a new name at an old
   * position usually means a different variable reusing the old one's value.
   */
  readonly renames?: Readonly<Record<string, string>>;
}

export interface LayoutComparison {
  readonly compatible: boolean;
  readonly incompatibilities: readonly StorageIncompatibility[];
  readonly added: readonly AddedVariable[];
}
