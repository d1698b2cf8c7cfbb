import { MigrationsError, describeError } from "../errors.js";
import { archiveFile, staleLabel } from "../archive.js";
import { readJsonFile, stableStringify, writeFileAtomic } from "../json-file.js";
import type { ChainInfo } from "../chain.js";
import type { MigrationRecord, MigrationStateStore, StateStoreRun, StoreReceipt } from "./state-store.js";

export const STATE_FILE_FORMAT = "hardhat-migrations/state@1";

/** The content of `deployments/<chainId>.migrations.json` (also the `store export` format). */
export interface StateFileDocument {
  readonly format: typeof STATE_FILE_FORMAT;
  readonly chainId: number;
  readonly genesisHash: string;
  readonly migrations: readonly MigrationRecord[];
}

/**
 * The record in a JSON file beside the registry, written atomically: for teams that won't pay gas
 * for bookkeeping. Duplicate ids are refused within this file; unlike the Migrator it cannot stop
 * two machines that each have their own copy of the file.
 */
export class FileStateStore implements MigrationStateStore {
  readonly kind = "file";
  readonly remembers = true;

  constructor(
    readonly file: string,
    private readonly chain: ChainInfo,
    private readonly headBlock: () => Promise<number | undefined> = async () => undefined,
  ) {}

  /**
   * Called once per run. On a dev chain, a file of the same chain id with another genesis (a
   * restarted `hardhat node`, anvil, ganache) is archived into `.archive/` with a notice, as the
   * registry and the journal are, and the record starts empty (`readOnly`: left in place, and it
   * reads as empty). On a live network it stays an error (STATE_FILE_WRONG_CHAIN).
   */
  async open(run: StateStoreRun): Promise<Set<number>> {
    const { chain } = this;
    const raw = chain.isDevChain ? ((await readJsonFile(this.file).catch(() => undefined)) as Partial<StateFileDocument> | null | undefined) : undefined;
    const restarted =
      raw !== undefined && raw !== null && raw.chainId === chain.chainId && typeof raw.genesisHash === "string" && raw.genesisHash.toLowerCase() !== chain.genesisHash.toLowerCase();
    if (restarted && run.readOnly) {
      this.#ignoreFile = true;
    } else if (restarted) {
      const archived = await archiveFile(this.file, staleLabel());
      run.emit({
        type: "notice",
        message:
          `Starting a fresh record of completed migrations for chain ${chain.chainId}: the dev chain was restarted (its genesis block changed).` +
          (archived !== undefined ? ` The previous record was kept as ${archived}.` : ""),
      });
    }
    return this.completed();
  }

  /** Read-only view of a restarted dev chain: the stale file is left in place and reads as empty. */
  #ignoreFile = false;

  get description(): string {
    return `file ${this.file}`;
  }

  async completed(): Promise<Set<number>> {
    return new Set((await this.records()).map((r) => r.id));
  }

  async records(): Promise<MigrationRecord[]> {
    return [...(await this.#load()).migrations];
  }

  async record(id: number, contentHash: string): Promise<StoreReceipt> {
    const doc = await this.#load();
    if (doc.migrations.some((r) => r.id === id)) {
      throw new MigrationsError("MIGRATION_ALREADY_RECORDED", { id, store: this.description });
    }
    const blockNumber = await this.headBlock();
    const record: MigrationRecord = {
      id,
      contentHash,
      recordedAt: new Date().toISOString(),
      ...(blockNumber !== undefined ? { blockNumber } : {}),
    };
    await this.#save({ ...doc, migrations: [...doc.migrations, record] });
    return blockNumber !== undefined ? { blockNumber } : {};
  }

  async unrecord(id: number): Promise<StoreReceipt> {
    const doc = await this.#load();
    if (!doc.migrations.some((r) => r.id === id)) {
      throw new MigrationsError("MIGRATION_NOT_RECORDED", { id, store: this.description });
    }
    await this.#save({ ...doc, migrations: doc.migrations.filter((r) => r.id !== id) });
    return {};
  }

  async #load(): Promise<StateFileDocument> {
    let raw: unknown;
    try {
      raw = this.#ignoreFile ? undefined : await readJsonFile(this.file);
    } catch (error) {
      if (MigrationsError.is(error)) {
        throw error; // the file could not be read (it may be fine): say why, not "corrupt"
      }
      throw new MigrationsError("STATE_FILE_CORRUPT", { file: this.file, reason: describeError(error) }, { cause: error });
    }
    if (raw === undefined) {
      return { format: STATE_FILE_FORMAT, chainId: this.chain.chainId, genesisHash: this.chain.genesisHash, migrations: [] };
    }
    return parseStateFile(raw, this.file, this.chain);
  }

  async #save(doc: StateFileDocument): Promise<void> {
    await writeFileAtomic(this.file, stableStringify(doc));
  }
}

/** Checks a state file's shape and that it belongs to `chain` (when given). */
export function parseStateFile(raw: unknown, file: string, chain?: ChainInfo): StateFileDocument {
  const doc = raw as Partial<StateFileDocument> | null;
  const bad = (reason: string) => new MigrationsError("STATE_FILE_CORRUPT", { file, reason });
  if (doc === null || typeof doc !== "object" || doc.format !== STATE_FILE_FORMAT) {
    throw bad(`its "format" is not "${STATE_FILE_FORMAT}"`);
  }
  if (typeof doc.chainId !== "number" || typeof doc.genesisHash !== "string" || !Array.isArray(doc.migrations)) {
    throw bad(`it lacks "chainId", "genesisHash" or a "migrations" array`);
  }
  for (const record of doc.migrations) {
    if (!Number.isSafeInteger(record?.id) || record.id <= 0) {
      throw bad(`it has a migration without a valid "id"`);
    }
  }
  if (chain !== undefined && (doc.chainId !== chain.chainId || doc.genesisHash.toLowerCase() !== chain.genesisHash.toLowerCase())) {
    throw new MigrationsError("STATE_FILE_WRONG_CHAIN", { file, fileChainId: doc.chainId, fileGenesis: doc.genesisHash, chainId: chain.chainId, genesis: chain.genesisHash });
  }
  return doc as StateFileDocument;
}
