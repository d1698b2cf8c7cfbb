import type { StorageItem, StorageLayout, StorageType } from "./storage-layout.js";

/** The parts of a solc AST node this module reads. */
interface AstNode {
  readonly id?: number;
  readonly nodeType?: string;
  readonly name?: string;
  readonly nodes?: readonly AstNode[];
  readonly members?: readonly AstNode[];
  readonly typeName?: AstNode;
  readonly keyType?: AstNode;
  readonly valueType?: AstNode;
  readonly baseType?: AstNode;
  readonly underlyingType?: AstNode;
  readonly referencedDeclaration?: number;
  readonly pathNode?: { readonly referencedDeclaration?: number };
  readonly linearizedBaseContracts?: readonly number[];
  readonly documentation?: { readonly text?: string } | string | null;
  readonly typeDescriptions?: { readonly typeString?: string };
  readonly canonicalName?: string;
}

const NAMESPACE_TAG = /@custom:storage-location\s+erc7201:([^\s]+)/;

/**
 * The ERC-7201 namespaced storage of `contractName` (in `sourceName`): every struct annotated
 * `@custom:storage-location erc7201:<id>` in the contract or its bases, laid out with Solidity's
 * storage rules from the AST (solc's `storageLayout` does not cover namespaces). Keyed by id; each
 * layout's slots are relative to the namespace's root slot.
 *
 * `sources` are the compiler output's `sources[<name>].ast` of the whole build.
 */
export function namespacedLayouts(
  sources: Readonly<Record<string, { readonly ast?: unknown }>>,
  sourceName: string,
  contractName: string,
): Record<string, StorageLayout> {
  const byId = new Map<number, AstNode>();
  const index = (node: unknown) => {
    if (node === null || typeof node !== "object") {
      return;
    }
    if (Array.isArray(node)) {
      node.forEach(index);
      return;
    }
    const n = node as AstNode & Record<string, unknown>;
    if (typeof n.id === "number" && typeof n.nodeType === "string") {
      byId.set(n.id, n);
    }
    for (const value of Object.values(n)) {
      if (value !== null && typeof value === "object") {
        index(value);
      }
    }
  };
  for (const source of Object.values(sources)) {
    index(source.ast);
  }
  const unit = sources[sourceName]?.ast as AstNode | undefined;
  const contract = unit?.nodes?.find((n) => n.nodeType === "ContractDefinition" && n.name === contractName);
  if (contract === undefined) {
    return {};
  }
  const layouts: Record<string, StorageLayout> = {};
  for (const baseId of contract.linearizedBaseContracts ?? [contract.id!]) {
    for (const node of byId.get(baseId)?.nodes ?? []) {
      const text = typeof node.documentation === "string" ? node.documentation : node.documentation?.text;
      const id = node.nodeType === "StructDefinition" ? NAMESPACE_TAG.exec(text ?? "")?.[1] : undefined;
      if (id !== undefined) {
        const builder = new LayoutBuilder(byId);
        const { items } = builder.layOut(node.members ?? []);
        layouts[id] = { storage: items, types: builder.types };
      }
    }
  }
  return layouts;
}

class LayoutBuilder {
  readonly types: Record<string, StorageType> = {};

  constructor(readonly byId: ReadonlyMap<number, AstNode>) {}

  /** Lays out `members` from slot 0 (a struct, or a namespace). */
  layOut(members: readonly AstNode[]): { items: StorageItem[]; slots: bigint } {
    const items: StorageItem[] = [];
    let slot = 0n;
    let offset = 0;
    let forceNewSlot = false;
    for (const member of members) {
      const typeId = this.typeOf(member.typeName!);
      const type = this.types[typeId]!;
      const size = Number(type.numberOfBytes);
      const startsSlot = size >= 32 || isAggregate(type) || forceNewSlot;
      if (offset > 0 && (startsSlot || offset + size > 32)) {
        slot += 1n;
        offset = 0;
      }
      items.push({ label: member.name ?? "", slot: String(slot), offset, type: typeId });
      if (size >= 32 || isAggregate(type)) {
        slot += BigInt(Math.ceil(size / 32));
        offset = 0;
      } else {
        offset += size;
      }
      forceNewSlot = isAggregate(type);
    }
    return { items, slots: offset > 0 ? slot + 1n : slot };
  }

  /** Registers the type of `typeName` and returns its id. */
  typeOf(typeName: AstNode): string {
    const label = (typeName.typeDescriptions?.typeString ?? "").replace(/ storage (ref|pointer)$/, "");
    const id = `t_${label}`;
    if (Object.hasOwn(this.types, id)) {
      return id;
    }
    const add = (type: StorageType) => {
      this.types[id] = type;
      return id;
    };
    switch (typeName.nodeType) {
      case "Mapping": {
        const key = this.typeOf(typeName.keyType!);
        const value = this.typeOf(typeName.valueType!);
        return add({ encoding: "mapping", label, numberOfBytes: "32", key, value });
      }
      case "ArrayTypeName": {
        const base = this.typeOf(typeName.baseType!);
        const length = /\[(\d+)\]$/.exec(label)?.[1];
        if (length === undefined) {
          return add({ encoding: "dynamic_array", label, numberOfBytes: "32", base });
        }
        const baseType = this.types[base]!;
        const baseSize = Number(baseType.numberOfBytes);
        const count = BigInt(length);
        const slots =
          baseSize <= 16 && !isAggregate(baseType)
            ? (count + BigInt(Math.floor(32 / baseSize)) - 1n) / BigInt(Math.floor(32 / baseSize))
            : count * BigInt(Math.ceil(baseSize / 32));
        return add({ encoding: "inplace", label, numberOfBytes: String(slots * 32n), base });
      }
      case "UserDefinedTypeName": {
        const ref = this.byId.get(typeName.referencedDeclaration ?? typeName.pathNode?.referencedDeclaration ?? -1);
        if (ref?.nodeType === "StructDefinition") {
          this.types[id] = { encoding: "inplace", label, numberOfBytes: "0" }; // placeholder against recursion
          const { items, slots } = this.layOut(ref.members ?? []);
          return add({ encoding: "inplace", label, numberOfBytes: String(slots * 32n), members: items });
        }
        if (ref?.nodeType === "EnumDefinition") {
          const count = (ref.members ?? []).length;
          return add({ encoding: "inplace", label, numberOfBytes: String(Math.max(1, Math.ceil(Math.log2(Math.max(count, 2)) / 8))) });
        }
        if (ref?.nodeType === "UserDefinedValueTypeDefinition") {
          const underlying = this.types[this.typeOf(ref.underlyingType!)]!;
          return add({ encoding: "inplace", label, numberOfBytes: underlying.numberOfBytes });
        }
        return add({ encoding: "inplace", label, numberOfBytes: "20" }); // contracts and interfaces
      }
      default:
        return add(elementary(label));
    }
  }
}

function isAggregate(type: StorageType): boolean {
  return type.members !== undefined || type.base !== undefined || type.encoding !== "inplace";
}

function elementary(label: string): StorageType {
  if (label === "string" || label === "bytes") {
    return { encoding: "bytes", label, numberOfBytes: "32" };
  }
  const sized = /^(?:u?int)(\d+)$/.exec(label);
  if (sized !== null) {
    return { encoding: "inplace", label, numberOfBytes: String(Number(sized[1]) / 8) };
  }
  const fixedBytes = /^bytes(\d+)$/.exec(label);
  if (fixedBytes !== null) {
    return { encoding: "inplace", label, numberOfBytes: fixedBytes[1]! };
  }
  if (label === "bool") {
    return { encoding: "inplace", label, numberOfBytes: "1" };
  }
  if (label === "address" || label === "address payable") {
    return { encoding: "inplace", label, numberOfBytes: "20" };
  }
  if (label === "uint" || label === "int") {
    return { encoding: "inplace", label: `${label}256`, numberOfBytes: "32" };
  }
  throw new Error(`the storage size of the type ${label} is not known`);
}
