import { mkdir, open, readFile, truncate } from "node:fs/promises";
import path from "node:path";

import { failpoint } from "../failpoints.js";
import { archiveFile } from "../archive.js";

/**
 * Where a journal's lines live. `append` MUST only ever add to the end: a process killed while
 * appending leaves at most a torn last line, which readers ignore.
 */
export interface JournalStorage {
  /** Shown to users: a file path, or "memory". */
  readonly location: string;
  /** The whole text; `undefined` when nothing was written yet. */
  read(): Promise<string | undefined>;
  append(text: string): Promise<void>;
  /** Cuts the text to `length` characters (drops a torn tail). */
  truncate(length: number): Promise<void>;
  /** Moves the journal aside (kept, never deleted); returns where it went. */
  archive(label: string): Promise<string | undefined>;
}

export class MemoryJournalStorage implements JournalStorage {
  readonly location = "memory";
  #text: string | undefined;

  async read(): Promise<string | undefined> {
    return this.#text;
  }

  async append(text: string): Promise<void> {
    this.#text = (this.#text ?? "") + text;
  }

  async truncate(length: number): Promise<void> {
    this.#text = (this.#text ?? "").slice(0, length);
  }

  async archive(): Promise<string | undefined> {
    this.#text = undefined;
    return undefined;
  }
}

/**
 * A journal file (`deployments/<chainId>.journal.jsonl`): appended with O_APPEND, and with
 * `durable`, flushed to disk (fsync) before `append` resolves, so an entry written before a
 * transaction is sent survives a power cut, not just a killed process.
 */
export class FileJournalStorage implements JournalStorage {
  constructor(
    readonly location: string,
    private readonly durable: boolean,
  ) {}

  async read(): Promise<string | undefined> {
    try {
      return await readFile(this.location, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        return undefined;
      }
      throw error;
    }
  }

  async append(text: string): Promise<void> {
    await mkdir(path.dirname(this.location), { recursive: true });
    const handle = await open(this.location, "a");
    try {
      if (failpoint("journal-torn-write")) {
        // Fault injection: half a line reaches the file, then the process dies.
        await handle.write(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
        await handle.sync();
        process.kill(process.pid, "SIGKILL");
      }
      await handle.write(text);
      if (this.durable) {
        await handle.datasync();
      }
    } finally {
      await handle.close();
    }
  }

  async truncate(length: number): Promise<void> {
    await truncate(this.location, Buffer.byteLength((await this.read() ?? "").slice(0, length), "utf8"));
  }

  archive(label: string): Promise<string | undefined> {
    return archiveFile(this.location, label);
  }
}
