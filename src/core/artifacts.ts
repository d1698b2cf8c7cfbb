import type { StorageLayout } from "./upgrades/storage-layout.js";

/** The parts of a compiled contract the engine uses (a Hardhat artifact has them). */
export interface ContractArtifact {
  readonly contractName: string;
  readonly sourceName: string;
  readonly abi: readonly unknown[];
  readonly bytecode: string;
  /** The runtime code (Hardhat artifacts have it; other sources may not). */
  readonly deployedBytecode?: string;
  /** sourceName => library name => placeholder positions in `bytecode`. */
  readonly linkReferences: Readonly<Record<string, Readonly<Record<string, ReadonlyArray<{ start: number; length: number }>>>>>;
  /** Hardhat 3: the build info it was compiled in. */
  readonly buildInfoId?: string;
}

/** Finds artifacts by contract name or fully qualified name. */
export interface ArtifactResolver {
  readArtifact(name: string): Promise<ContractArtifact>;
  /**
   * The compiler's `storageLayout` of a contract (from its build info), or `undefined` (with why)
   * when the build did not produce one. Needed by proxy deployments and upgrades only.
   */
  readStorageLayout?(name: string): Promise<StorageLayoutLookup>;
}

export type StorageLayoutLookup =
  | { readonly layout: StorageLayout; readonly buildInfoId?: string; readonly reason?: undefined }
  | { readonly layout?: undefined; readonly reason: string };

export function fullyQualifiedName(artifact: ContractArtifact): string {
  return `${artifact.sourceName}:${artifact.contractName}`;
}
