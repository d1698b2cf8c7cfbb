import type { ChainInfo } from "./chain.js";
import { MigrationsError, describeError } from "./errors.js";
import { readJsonFile, stableStringify, writeFileAtomic } from "./json-file.js";

/**
 * The `evm_snapshot` id taken before each completed migration on a dev chain, by migration id,
 * so that `migrate down` can undo a migration that has no `down` function while the node lives.
 */
export interface SnapshotJournal {
  load(): Promise<Map<number, string>>;
  save(snapshots: ReadonlyMap<number, string>): Promise<void>;
}

export class MemorySnapshotJournal implements SnapshotJournal {
  #snapshots = new Map<number, string>();

  async load(): Promise<Map<number, string>> {
    return new Map(this.#snapshots);
  }

  async save(snapshots: ReadonlyMap<number, string>): Promise<void> {
    this.#snapshots = new Map(snapshots);
  }
}

interface SnapshotFile {
  readonly format: "hardhat-migrations/snapshots@1";
  readonly chainId: number;
  readonly genesisHash: string;
  readonly instanceId: string | null;
  readonly snapshots: Record<string, string>;
}

/**
 * Snapshot ids of an HTTP dev node, in `deployments/<chainId>.snapshots.json`. Ids belong to one
 * run of the node: the file is ignored when the node's genesis or instance id differ.
 */
export class FileSnapshotJournal implements SnapshotJournal {
  constructor(
    readonly file: string,
    private readonly chain: ChainInfo,
  ) {}

  async load(): Promise<Map<number, string>> {
    let doc: SnapshotFile | undefined;
    try {
      doc = (await readJsonFile(this.file)) as SnapshotFile | undefined;
    } catch (error) {
      if (MigrationsError.is(error)) {
        throw error;
      }
      throw new MigrationsError("SNAPSHOTS_FILE_CORRUPT", { file: this.file, reason: `it is not JSON (${describeError(error)})` }, { cause: error });
    }
    const shape = doc === undefined ? undefined : shapeError(doc);
    if (shape !== undefined) {
      throw new MigrationsError("SNAPSHOTS_FILE_CORRUPT", { file: this.file, reason: shape });
    }
    if (
      doc === undefined ||
      doc.chainId !== this.chain.chainId ||
      doc.genesisHash !== this.chain.genesisHash ||
      doc.instanceId !== (this.chain.instanceId ?? null)
    ) {
      return new Map();
    }
    return new Map(Object.entries(doc.snapshots).map(([id, snapshot]) => [Number(id), snapshot]));
  }

  async save(snapshots: ReadonlyMap<number, string>): Promise<void> {
    const doc: SnapshotFile = {
      format: "hardhat-migrations/snapshots@1",
      chainId: this.chain.chainId,
      genesisHash: this.chain.genesisHash,
      instanceId: this.chain.instanceId ?? null,
      snapshots: Object.fromEntries([...snapshots].map(([id, snapshot]) => [String(id), snapshot])),
    };
    // Snapshot ids die with the dev node's process: no flush to disk per migration.
    await writeFileAtomic(this.file, stableStringify(doc), { durable: false });
  }
}

/** Why `doc` is not a snapshot list (a file of another node run is fine: it is ignored). */
function shapeError(doc: unknown): string | undefined {
  const file = doc as Partial<SnapshotFile> | null;
  if (file === null || typeof file !== "object" || Array.isArray(file) || file.format !== "hardhat-migrations/snapshots@1") {
    return 'it is not a "hardhat-migrations/snapshots@1" document';
  }
  const { snapshots } = file;
  if (snapshots === null || typeof snapshots !== "object" || Array.isArray(snapshots)) {
    return 'its "snapshots" is not an object';
  }
  for (const [id, snapshot] of Object.entries(snapshots)) {
    if (!/^\d+$/.test(id) || typeof snapshot !== "string") {
      return `its entry ${JSON.stringify(id)} is not a migration id with a snapshot id`;
    }
  }
  return undefined;
}
