import type { ChainInfo } from "../chain.js";
import { MigrationsError, describeError } from "../errors.js";
import { fileWriteError } from "../file-system-errors.js";
import { compactStableStringify } from "../json-file.js";
import { CompactionPlan, DEFAULT_COMPACT_ABOVE } from "./journal-compaction.js";
import { JOURNAL_FORMAT, parseJournalLine, type JournalEntry, type StepFingerprint } from "./journal-entry.js";
import type { JournalStorage } from "./journal-storage.js";

/** What the journal knows about one transaction step of an interrupted migration. */
export interface JournaledStep {
  readonly step: number;
  readonly fingerprint: StepFingerprint;
  readonly nonce: number;
  /** The head when it was sent. */
  readonly block: number;
  /** The hash it was sent with, then fee-bumped replacements, oldest first. */
  readonly hashes: readonly string[];
  readonly mined?: { readonly hash: string; readonly block: number; readonly status: number; readonly contractAddress?: string };
  /** The send threw: nothing reached the chain for this step. */
  readonly failed?: boolean;
}

/** A migration that started and neither completed, nor was rolled back, nor force-cleaned. */
export interface InterruptedMigration {
  readonly migration: number;
  readonly file: string;
  readonly contentHash: string;
  readonly startedAt: string;
  readonly steps: ReadonlyMap<number, JournaledStep>;
  /** Set when the run stopped on an error (rather than being killed). */
  readonly failure?: string;
}

type Distributive<T> = T extends unknown ? Omit<T, "at"> : never;
type EntryInput = Distributive<Exclude<JournalEntry, { type: "header" }>>;

/**
 * The append-only journal of one chain: every transaction a migration sends, before it is sent
 * and again once sent and mined, and every migration's start and end. `interrupted()` folds it
 * into what a re-run needs to resume without sending anything twice.
 */
export class Journal {
  readonly #open = new Map<number, { file: string; contentHash: string; startedAt: string; steps: Map<number, JournaledStep>; failure?: string }>();

  #headerWritten = false;

  private constructor(
    readonly storage: JournalStorage,
    private readonly chain: ChainInfo,
    private readonly redact: (text: string) => string,
  ) {}

  /**
   * Reads the journal of `chain` (streamed line by line: a journal may outgrow a string),
   * refusing one of another chain (a restarted dev node's journal is archived with a notice
   * instead). A torn last line (a process killed while appending) is cut off; any other damage
   * is an error that leaves the file untouched. Unless `readOnly`, a journal larger than
   * `compactAbove` bytes is compacted (see `CompactionPlan`): only lines of finished attempts go.
   */
  static async open(
    storage: JournalStorage,
    chain: ChainInfo,
    options: { notice?: (message: string) => void; readOnly?: boolean; redact?: (text: string) => string; compactAbove?: number } = {},
  ): Promise<Journal> {
    const journal = new Journal(storage, chain, options.redact ?? ((text) => text));
    const plan = new CompactionPlan();
    let header: Extract<JournalEntry, { type: "header" }> | undefined;
    let cleanBytes = 0;
    let tornTail = false;
    let otherChain = false;
    let index = -1;
    const corrupt = (reason: string) => new MigrationsError("JOURNAL_CORRUPT", { file: storage.location, reason });
    try {
      for await (const line of storage.lines()) {
        index += 1;
        const terminated = line.endsWith("\n");
        const entry = parseJournalLine(terminated ? line.slice(0, -1) : line);
        if (entry === "not-json" && !terminated) {
          tornTail = true;
          break;
        }
        if (entry === "not-json") {
          throw corrupt(`line ${index + 1} is not JSON`);
        }
        if (entry === "not-entry") {
          throw corrupt(`line ${index + 1} is not a journal entry`);
        }
        if (entry !== "blank") {
          if (header === undefined) {
            if (entry.type !== "header" || entry.format !== JOURNAL_FORMAT) {
              throw corrupt(`its first line is not a ${JOURNAL_FORMAT} header`);
            }
            header = entry;
            if (header.chainId !== chain.chainId || header.genesisHash.toLowerCase() !== chain.genesisHash.toLowerCase()) {
              otherChain = true;
              break;
            }
          } else {
            journal.#fold(entry);
            plan.see(entry, index);
          }
        }
        cleanBytes += Buffer.byteLength(line, "utf8");
      }
    } catch (error) {
      if (MigrationsError.is(error)) {
        throw error;
      }
      if (typeof (error as NodeJS.ErrnoException).code === "string") {
        throw fileWriteError(error, storage.location, "read the journal");
      }
      throw new MigrationsError("JOURNAL_CORRUPT", { file: storage.location, reason: describeError(error) }, { cause: error });
    }
    if (header === undefined && index >= 0 && !tornTail) {
      throw corrupt("it has no header line");
    }
    if (header !== undefined && otherChain) {
      if (header.chainId !== chain.chainId || !chain.isDevChain) {
        throw new MigrationsError("JOURNAL_WRONG_CHAIN", {
          file: storage.location,
          fileChainId: header.chainId,
          fileGenesis: header.genesisHash,
          chainId: chain.chainId,
          genesis: chain.genesisHash,
        });
      }
      if (options.readOnly !== true) {
        const archived = await storage.archive(`stale-${new Date().toISOString().replace(/[:.]/g, "-")}`);
        options.notice?.(
          `Starting a fresh journal for chain ${chain.chainId}: the dev chain was restarted (its genesis block changed).` +
            (archived !== undefined ? ` The previous journal was kept as ${archived}.` : ""),
        );
      }
      return new Journal(storage, chain, options.redact ?? ((text) => text));
    }
    journal.#headerWritten = header !== undefined;
    if (options.readOnly !== true) {
      if (tornTail) {
        await storage.truncate(cleanBytes);
      }
      const before = await storage.size();
      if (plan.droppable > 0 && before > (options.compactAbove ?? DEFAULT_COMPACT_ABOVE)) {
        await storage.rewrite(plan.keptLines(storage));
        options.notice?.(
          `Compacted the journal ${storage.location} (${before} to ${await storage.size()} bytes): ` +
            `${plan.droppable} line(s) of finished migrations' transactions were dropped; their mined hashes and every migration's outcome are kept.`,
        );
      }
    }
    return journal;
  }

  get location(): string {
    return this.storage.location;
  }

  /** Interrupted migrations by id. */
  interrupted(): Map<number, InterruptedMigration> {
    const result = new Map<number, InterruptedMigration>();
    for (const [migration, attempt] of this.#open) {
      result.set(migration, { migration, ...attempt, steps: new Map(attempt.steps) });
    }
    return result;
  }

  /** Starts (or, when interrupted before, continues) the journal of a migration. */
  async migrationStarted(migration: number, file: string, contentHash: string): Promise<void> {
    if (this.#open.has(migration)) {
      return;
    }
    await this.append({ type: "migration-started", migration, file, contentHash });
  }

  /** Appends one entry (with the header first, in a new journal). */
  async append(entry: EntryInput): Promise<void> {
    let text = "";
    if (!this.#headerWritten) {
      const { chainId, genesisHash } = this.chain;
      text += `${compactStableStringify({ type: "header", format: JOURNAL_FORMAT, chainId, genesisHash })}\n`;
    }
    const full = { ...entry, ...(needsTime(entry) ? { at: new Date().toISOString() } : {}) } as Exclude<JournalEntry, { type: "header" }>;
    const safe = "reason" in full ? { ...full, reason: this.redact(full.reason) } : full;
    text += `${compactStableStringify(safe)}\n`;
    await this.storage.append(text);
    this.#headerWritten = true;
    this.#fold(safe);
  }

  #fold(entry: JournalEntry): void {
    switch (entry.type) {
      case "header":
        return;
      case "migration-started":
        this.#open.set(entry.migration, { file: entry.file, contentHash: entry.contentHash, startedAt: entry.at, steps: new Map() });
        return;
      case "migration-completed":
      case "migration-rolled-back":
      case "migration-force-cleaned":
        this.#open.delete(entry.migration);
        return;
      case "migration-failed": {
        const attempt = this.#open.get(entry.migration);
        if (attempt !== undefined) {
          attempt.failure = entry.reason;
        }
        return;
      }
      default:
        break;
    }
    const attempt = this.#open.get(entry.migration);
    if (attempt === undefined) {
      return;
    }
    const existing = attempt.steps.get(entry.step);
    switch (entry.type) {
      case "tx-sending": {
        const { type: _t, migration: _m, step, nonce, block, ...fingerprint } = entry;
        attempt.steps.set(step, { step, nonce, block, fingerprint, hashes: [] });
        return;
      }
      case "tx-sent":
      case "tx-replaced":
        if (existing !== undefined) {
          attempt.steps.set(entry.step, { ...existing, hashes: [...existing.hashes, entry.hash] });
        }
        return;
      case "tx-mined":
        if (existing !== undefined) {
          attempt.steps.set(entry.step, {
            ...existing,
            mined: {
              hash: entry.hash,
              block: entry.block,
              status: entry.status,
              ...(entry.contractAddress !== undefined ? { contractAddress: entry.contractAddress } : {}),
            },
          });
        }
        return;
      case "tx-failed":
        if (existing !== undefined) {
          attempt.steps.set(entry.step, { ...existing, failed: true });
        }
        return;
    }
  }
}

function needsTime(entry: EntryInput): boolean {
  return entry.type.startsWith("migration-");
}
