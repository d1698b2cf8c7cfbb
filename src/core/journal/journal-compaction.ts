import { parseJournalLine, type JournalEntry } from "./journal-entry.js";
import type { JournalStorage } from "./journal-storage.js";

/** A journal is compacted when a run opens it larger than this (bytes) and it holds lines to drop. */
export const DEFAULT_COMPACT_ABOVE = 16 * 1024 * 1024;

/**
 * Follows a journal line by line (as `Journal` folds it) to find what compaction may drop: the
 * sending, sent, replaced and failed lines of transactions whose migration attempt has ended
 * (completed, rolled back, force-cleaned). What a resume needs (every line of an attempt still
 * open) and what `status` and an audit need (the header, every migration-* line, every tx-mined
 * line with its hash, block and contract address) are kept.
 */
export class CompactionPlan {
  /** Line index of the start of each open attempt, by migration id. */
  readonly #openedAt = new Map<number, number>();
  /** Droppable-once-closed lines of each open attempt. */
  readonly #pending = new Map<number, number>();
  #droppable = 0;

  /** Notes the `index`-th line (0-based, every line counted) of the journal. */
  see(entry: JournalEntry, index: number): void {
    if (entry.type === "header") {
      return;
    }
    switch (entry.type) {
      case "migration-started":
        this.#droppable += this.#pending.get(entry.migration) ?? 0;
        this.#openedAt.set(entry.migration, index);
        this.#pending.set(entry.migration, 0);
        return;
      case "migration-completed":
      case "migration-rolled-back":
      case "migration-force-cleaned":
        this.#droppable += this.#pending.get(entry.migration) ?? 0;
        this.#openedAt.delete(entry.migration);
        this.#pending.delete(entry.migration);
        return;
      case "migration-failed":
      case "tx-mined":
        return;
      default: {
        const pending = this.#pending.get(entry.migration);
        if (pending === undefined) {
          this.#droppable += 1;
        } else {
          this.#pending.set(entry.migration, pending + 1);
        }
      }
    }
  }

  /** How many lines compaction would drop. */
  get droppable(): number {
    return this.#droppable;
  }

  /** The journal's lines without the droppable ones (each ending in "\n"). */
  async *keptLines(storage: JournalStorage): AsyncIterable<string> {
    let index = -1;
    for await (const line of storage.lines()) {
      index += 1;
      const entry = parseJournalLine(line.endsWith("\n") ? line.slice(0, -1) : line);
      if (typeof entry === "string") {
        continue;
      }
      if (this.#keeps(entry, index)) {
        yield line.endsWith("\n") ? line : `${line}\n`;
      }
    }
  }

  #keeps(entry: JournalEntry, index: number): boolean {
    if (entry.type === "header" || entry.type.startsWith("migration-") || entry.type === "tx-mined") {
      return true;
    }
    const start = this.#openedAt.get((entry as { migration: number }).migration);
    return start !== undefined && index > start;
  }
}
