/**
 * A contract's storage layout as the Solidity compiler reports it (`storageLayout` in the
 * standard-JSON output), reduced to what the compatibility check needs: the AST ids are dropped
 * so that the same layout compiled twice is equal, and only the types the variables use are kept.
 */
export interface StorageItem {
  /** The variable's (or struct member's) name. */
  readonly label: string;
  /** Decimal slot number, relative to the container (the contract, or the struct). */
  readonly slot: string;
  /** Byte offset inside the slot (packed variables share a slot). */
  readonly offset: number;
  /** Key into `types`. */
  readonly type: string;
}

export interface StorageType {
  /** `inplace` (value types, static arrays, structs), `mapping`, `dynamic_array` or `bytes` (bytes, string). */
  readonly encoding: "inplace" | "mapping" | "dynamic_array" | "bytes";
  /** Human readable type, e.g. `uint256`, `mapping(address => uint256)`, `struct Box.Config`. */
  readonly label: string;
  /** Decimal size in bytes (32 for mappings, dynamic arrays and bytes). */
  readonly numberOfBytes: string;
  /** Struct members. */
  readonly members?: readonly StorageItem[];
  /** Mapping key and value types. */
  readonly key?: string;
  readonly value?: string;
  /** Array element type. */
  readonly base?: string;
}

export interface StorageLayout {
  readonly storage: readonly StorageItem[];
  readonly types: Readonly<Record<string, StorageType>>;
  /**
   * ERC-7201 namespaced storage (`@custom:storage-location erc7201:<id>` structs of the contract
   * and its bases), by id, with slots relative to the namespace's root. Computed from the AST:
   * solc's `storageLayout` does not include it.
   */
  readonly namespaces?: Readonly<Record<string, StorageLayout>>;
}

/**
 * Normalises a compiler `storageLayout` output (or a stored layout) to a `StorageLayout`;
 * returns `undefined` when `raw` is not one.
 */
export function normalizeStorageLayout(raw: unknown): StorageLayout | undefined {
  if (raw === null || typeof raw !== "object" || !Array.isArray((raw as { storage?: unknown }).storage)) {
    return undefined;
  }
  const source = raw as { storage: unknown[]; types?: Record<string, unknown> | null; namespaces?: Record<string, unknown> };
  const rawTypes = source.types ?? {};
  const types: Record<string, StorageType> = {};
  const item = (value: unknown): StorageItem => {
    const v = value as Record<string, unknown>;
    return {
      label: String(v.label),
      slot: String(v.slot),
      offset: Number(v.offset),
      type: String(v.type),
    };
  };
  const visit = (id: string) => {
    if (Object.hasOwn(types, id)) {
      return;
    }
    const t = rawTypes[id] as Record<string, unknown> | undefined;
    if (t === undefined) {
      throw new Error(`the storage layout uses the type ${id}, which it does not describe`);
    }
    const members = Array.isArray(t.members) ? t.members.map(item) : undefined;
    types[id] = {
      encoding: t.encoding as StorageType["encoding"],
      label: String(t.label),
      numberOfBytes: String(t.numberOfBytes),
      ...(members !== undefined ? { members } : {}),
      ...(typeof t.key === "string" ? { key: t.key } : {}),
      ...(typeof t.value === "string" ? { value: t.value } : {}),
      ...(typeof t.base === "string" ? { base: t.base } : {}),
    };
    for (const next of [t.key, t.value, t.base, ...(members ?? []).map((m) => m.type)]) {
      if (typeof next === "string") {
        visit(next);
      }
    }
  };
  const storage = source.storage.map(item);
  for (const s of storage) {
    visit(s.type);
  }
  const namespaces: Record<string, StorageLayout> = {};
  for (const [id, namespace] of Object.entries(source.namespaces ?? {})) {
    const layout = normalizeStorageLayout(namespace);
    if (layout !== undefined) {
      namespaces[id] = layout;
    }
  }
  return Object.keys(namespaces).length > 0 ? { storage, types, namespaces } : { storage, types };
}
