import type { StorageLayout } from "../upgrades/storage-layout.js";

/** A JSON value as written to the registry (constructor arguments are stored this way). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One deployment of a contract. */
export interface DeploymentRecord {
  readonly address: string;
  /** Fully qualified artifact name, e.g. `contracts/Token.sol:Token`. */
  readonly artifact: string;
  readonly transactionHash: string;
  readonly blockNumber: number;
  readonly deployer: string;
  /** Constructor arguments; bigints as decimal strings, bytes as 0x-hex. */
  readonly args: JsonValue[];
  /** Linked libraries by name, when any. */
  readonly libraries?: Readonly<Record<string, string>>;
  /** The migration that deployed it (for a proxy: deployed or upgraded it). */
  readonly migration: number;
  /**
   * Deployed through a CREATE2 factory (`ctx.deploy(…, { salt })`): the 32-byte salt and the
   * factory; `reused` when the contract was already at its address and this run sent nothing.
   */
  readonly create2?: { readonly salt: string; readonly factory: string; readonly reused?: true };
  /** Set when the entry is an ERC-1967 proxy (`ctx.deployProxy`); `address` is the proxy's. */
  readonly proxy?: ProxyRecord;
  /** Hardhat build info id it was compiled in; its compiler input is kept in `<registryDir>/build-info/`. */
  readonly buildInfoId?: string;
  /** Source verification of `address`, by explorer (`etherscan`). See docs/verification.md. */
  readonly verification?: Readonly<Record<string, VerificationRecord>>;
}

/** Whether a deployment's source is verified on one block explorer. */
export interface VerificationRecord {
  readonly status: "verified" | "failed";
  /** The contract's page on the explorer. */
  readonly url?: string;
  /** Why the explorer refused it (status "failed"). */
  readonly message?: string;
}

/**
 * A proxy's implementation, as recorded by `ctx.deployProxy` and `ctx.upgradeProxy`. The entry's
 * `artifact` is the implementation's, so `registry.contract(name)` is the implementation's ABI at
 * the proxy's address. An upgrade moves the previous entry (previous implementation) to `history`.
 */
export interface ProxyRecord {
  readonly kind: "transparent" | "uups";
  /** The implementation contract's address. */
  readonly implementation: string;
  /** The transaction that deployed the implementation. */
  readonly implementationTransactionHash: string;
  /** Transparent proxies: the ProxyAdmin contract that can upgrade it. */
  readonly admin?: string;
  /**
   * The implementation's storage layout from the compiler, so that the next upgrade is checked
   * against it even after its source changed. Absent when recorded with `unsafeSkipStorageCheck`.
   */
  readonly storageLayout?: StorageLayout;
  /** Hardhat build info id the implementation was compiled in (its kept compiler input verifies it). */
  readonly buildInfoId?: string;
  /** Source verification of `implementation`, by explorer. */
  readonly implementationVerification?: Readonly<Record<string, VerificationRecord>>;
}

/** The current deployment under a name, with earlier deployments under the same name. */
export interface RegistryEntry extends DeploymentRecord {
  /** Earlier deployments under this name, oldest first; absent when there are none. */
  readonly history?: readonly DeploymentRecord[];
}

export interface MigratorRecord {
  readonly address: string;
  readonly transactionHash: string;
  readonly blockNumber: number;
  readonly deployer: string;
  /**
   * Which record the Migrator keeps: 2 = one version slot, the set in its events (deployed since
   * the gas-floor redesign); absent = 1, the set of ids in storage (Migrators deployed before).
   */
  readonly design?: 2;
  /** Design 2: the shared MigratorAdmin its rare calls (unrecord, ownership) run in. */
  readonly admin?: string;
  /**
   * Design 2 on a chain bootstrapped from another (a network migration): the record as copied,
   * whose events stayed on the source chain. The record is this plus the events emitted here.
   */
  readonly baseline?: MigratorBaseline;
  /** Deployed through a CREATE2 factory: the salt and the factory (same address on every chain). */
  readonly salt?: string;
  readonly factory?: string;
  /** Source verification of the Migrator, by explorer (from the compiler input the plugin ships). */
  readonly verification?: Readonly<Record<string, VerificationRecord>>;
  /** Source verification of its MigratorAdmin, by explorer. */
  readonly adminVerification?: Readonly<Record<string, VerificationRecord>>;
}

export interface MigratorBaseline {
  /** The Migrator's version when its state was copied. */
  readonly version: number;
  readonly records: ReadonlyArray<{ readonly id: number; readonly contentHash?: string }>;
}

/** The other chain of a network migration. */
export interface NetworkPeer {
  readonly chainId: number;
  readonly genesisHash: string;
  /** Its network name in the Hardhat config that ran the migration. */
  readonly network: string;
}

/**
 * The migration window, written in the registries of both chains of a network migration (see
 * docs/network-migrations.md): on the old chain `role: "source"`, status `migrating` then
 * `decommissioned`; on the new one `role: "target"`, status `bootstrapped`, `syncing`, then
 * `active`. `peer` names the other chain, so clients and tools can find the new endpoint.
 */
export interface NetworkMigrationInfo {
  readonly role: "source" | "target";
  readonly status: "migrating" | "decommissioned" | "bootstrapped" | "syncing" | "active";
  readonly peer: NetworkPeer;
  /** The source chain's block whose state the target was bootstrapped from (the snapshot's). */
  readonly startedAtBlock: number;
  /** The last source block whose state changes the target holds. */
  readonly syncedToBlock?: number;
  /** The checksum of the snapshot the target was bootstrapped from. */
  readonly snapshotChecksum?: string;
  /** The source block at which the cutover happened (the old chain's final synced block). */
  readonly cutoverBlock?: number;
}

export const REGISTRY_FORMAT = "hardhat-migrations/registry@1";

/** The content of `deployments/<chainId>.json`. */
export interface RegistryDocument {
  readonly format: typeof REGISTRY_FORMAT;
  readonly chainId: number;
  readonly genesisHash: string;
  readonly migrator?: MigratorRecord;
  readonly contracts: Readonly<Record<string, RegistryEntry>>;
  /** Present while (and after) this chain takes part in a network migration. */
  readonly networkMigration?: NetworkMigrationInfo;
}

/** Checks the shape of a parsed registry file; returns a reason when it is not one. */
export function registryShapeError(value: unknown): string | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return "it is not a JSON object";
  }
  const doc = value as Partial<Record<keyof RegistryDocument, unknown>>;
  if (doc.format !== REGISTRY_FORMAT) {
    return `its "format" is ${JSON.stringify(doc.format)}, expected "${REGISTRY_FORMAT}"`;
  }
  if (typeof doc.chainId !== "number" || typeof doc.genesisHash !== "string") {
    return `it lacks a numeric "chainId" or a "genesisHash"`;
  }
  if (doc.contracts === null || typeof doc.contracts !== "object" || Array.isArray(doc.contracts)) {
    return `its "contracts" is not an object`;
  }
  for (const [name, entry] of Object.entries(doc.contracts as Record<string, unknown>)) {
    const e = entry as Partial<RegistryEntry> | null;
    if (e === null || typeof e !== "object" || typeof e.address !== "string" || !/^0x[0-9a-fA-F]{40}$/.test(e.address)) {
      return `the entry "${name}" has no valid "address"`;
    }
  }
  const migrator = doc.migrator as Partial<MigratorRecord> | undefined;
  if (migrator !== undefined && (typeof migrator.address !== "string" || !/^0x[0-9a-fA-F]{40}$/.test(migrator.address))) {
    return `its "migrator" has no valid "address"`;
  }
  return undefined;
}
