import { mkdir, open, readFile, truncate, type FileHandle } from "node:fs/promises";
import path from "node:path";

import { failpoint } from "../failpoints.js";
import { moveAside } from "../json-file.js";

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
  /**
   * The file, opened once for a burst of appends (a run writes several lines per transaction)
   * and closed once it has been idle for a moment (an unref'd timer: it never keeps a process
   * alive, and a process that exits closes it anyway).
   */
  #handle: Promise<FileHandle> | undefined;
  #idle: NodeJS.Timeout | undefined;

  constructor(
    readonly location: string,
    private readonly durable: boolean,
  ) {}

  #open(): Promise<FileHandle> {
    clearTimeout(this.#idle);
    this.#handle ??= mkdir(path.dirname(this.location), { recursive: true }).then(() => open(this.location, "a"));
    this.#handle.catch(() => (this.#handle = undefined));
    return this.#handle;
  }

  #closeWhenIdle(): void {
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => void this.#close(), 200).unref();
  }

  async #close(): Promise<void> {
    clearTimeout(this.#idle);
    const handle = this.#handle;
    this.#handle = undefined;
    await (await handle?.catch(() => undefined))?.close();
  }

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
    const handle = await this.#open();
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
    } catch (error) {
      await this.#close();
      throw error;
    }
    this.#closeWhenIdle();
  }

  async truncate(length: number): Promise<void> {
    await this.#close();
    await truncate(this.location, Buffer.byteLength((await this.read() ?? "").slice(0, length), "utf8"));
  }

  async archive(label: string): Promise<string | undefined> {
    await this.#close();
    return moveAside(this.location, this.location.replace(/\.jsonl$/, "") + `.${label}.jsonl`);
  }
}
