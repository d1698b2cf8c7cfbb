import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, rename, rm, stat, truncate, type FileHandle } from "node:fs/promises";
import path from "node:path";

import { MigrationsError } from "../errors.js";
import { failpoint } from "../failpoints.js";
import { archiveFile } from "../archive.js";
import { errnoReason, fileSystemAdvice, fileWriteError } from "../file-system-errors.js";

/**
 * Where a journal's lines live. `append` MUST only ever add to the end, MUST start the text on a
 * new line (a file whose last line lost its newline, e.g. to an editor, is not glued onto), and
 * MUST resolve only once the whole text is stored (durably, for a durable storage): when it
 * cannot, it rejects with JOURNAL_WRITE_FAILED and leaves nothing of the text behind, so that a
 * caller that journals before sending never sends what it could not record. A process killed
 * while appending leaves at most a torn last line, which readers ignore.
 */
export interface JournalStorage {
  /** Shown to users: a file path, or "memory". */
  readonly location: string;
  /**
   * The lines in order, each with its "\n" (the last one may lack it: a torn or unterminated
   * line). Nothing when nothing was written yet. Streams: a journal may be larger than a string.
   */
  lines(): AsyncIterable<string>;
  /** Size in bytes (0 when nothing was written yet). */
  size(): Promise<number>;
  append(text: string): Promise<void>;
  /** Cuts the journal to its first `bytes` bytes (drops a torn tail). */
  truncate(bytes: number): Promise<void>;
  /** Replaces the whole journal with `lines` (each ending in "\n") atomically: readers see the old or the new. */
  rewrite(lines: AsyncIterable<string>): Promise<void>;
  /** Moves the journal aside (kept, never deleted); returns where it went. */
  archive(label: string): Promise<string | undefined>;
}

export class MemoryJournalStorage implements JournalStorage {
  readonly location = "memory";
  #text: string | undefined;

  /** The whole text; `undefined` when nothing was written yet. */
  async read(): Promise<string | undefined> {
    return this.#text;
  }

  async *lines(): AsyncIterable<string> {
    yield* splitLines(this.#text ?? "");
  }

  async size(): Promise<number> {
    return Buffer.byteLength(this.#text ?? "", "utf8");
  }

  async append(text: string): Promise<void> {
    const current = this.#text ?? "";
    this.#text = current + (current !== "" && !current.endsWith("\n") ? "\n" : "") + text;
  }

  async truncate(bytes: number): Promise<void> {
    this.#text = Buffer.from(this.#text ?? "", "utf8").subarray(0, bytes).toString("utf8");
  }

  async rewrite(lines: AsyncIterable<string>): Promise<void> {
    let text = "";
    for await (const line of lines) {
      text += line;
    }
    this.#text = text;
  }

  async archive(): Promise<string | undefined> {
    this.#text = undefined;
    return undefined;
  }
}

function* splitLines(text: string): Iterable<string> {
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf("\n", start);
    if (end === -1) {
      yield text.slice(start);
      return;
    }
    yield text.slice(start, end + 1);
    start = end + 1;
  }
}

/**
 * A journal file (`deployments/<chainId>.journal.jsonl`): appended with O_APPEND, every byte
 * checked written, and with `durable`, flushed to disk (fdatasync) before `append` resolves, so
 * an entry written before a transaction is sent survives a power cut, not just a killed process.
 */
export class FileJournalStorage implements JournalStorage {
  constructor(
    readonly location: string,
    private readonly durable: boolean,
  ) {}

  async *lines(): AsyncIterable<string> {
    let stream;
    try {
      await stat(this.location);
      stream = createReadStream(this.location);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        return;
      }
      throw error;
    }
    let rest: Buffer = Buffer.alloc(0);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let buffer = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
      let newline;
      while ((newline = buffer.indexOf(0x0a)) !== -1) {
        yield buffer.subarray(0, newline + 1).toString("utf8");
        buffer = buffer.subarray(newline + 1);
      }
      rest = Buffer.from(buffer);
    }
    if (rest.length > 0) {
      yield rest.toString("utf8");
    }
  }

  async size(): Promise<number> {
    try {
      return (await stat(this.location)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        return 0;
      }
      throw error;
    }
  }

  async append(text: string): Promise<void> {
    let handle: FileHandle;
    try {
      await mkdir(path.dirname(this.location), { recursive: true });
      handle = await open(this.location, "a+");
    } catch (error) {
      throw this.#writeFailed(error);
    }
    try {
      const { size } = await handle.stat();
      let bytes = Buffer.from(text, "utf8");
      if (size > 0 && !(await endsWithNewline(handle, size))) {
        // The last line lost its newline (an editor, git): never glue an entry onto it.
        bytes = Buffer.concat([Buffer.from("\n"), bytes]);
      }
      if (failpoint("journal-torn-write")) {
        // Fault injection: half a line reaches the file, then the process dies.
        await handle.write(bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2))));
        await handle.sync();
        process.kill(process.pid, "SIGKILL");
      }
      try {
        await writeAll(handle, bytes);
        if (this.durable) {
          await handle.datasync();
          if (size === 0) {
            await syncDirectory(path.dirname(this.location)); // a new file: its name too
          }
        }
      } catch (error) {
        // Take back what part of the text reached the file: a half entry must not be mistaken
        // for a killed process's torn tail, nor glued to by the next append.
        await handle.truncate(size).catch(() => {});
        throw this.#writeFailed(error);
      }
    } finally {
      await handle.close().catch(() => {});
    }
  }

  async truncate(bytes: number): Promise<void> {
    try {
      await truncate(this.location, bytes);
    } catch (error) {
      throw this.#writeFailed(error);
    }
  }

  async rewrite(lines: AsyncIterable<string>): Promise<void> {
    const dir = path.dirname(this.location);
    const temp = path.join(dir, `.${path.basename(this.location)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
    try {
      const handle = await open(temp, "w");
      try {
        let batch: string[] = [];
        let batched = 0;
        for await (const line of lines) {
          batch.push(line);
          batched += line.length;
          if (batched >= 1 << 20) {
            await writeAll(handle, Buffer.from(batch.join(""), "utf8"));
            batch = [];
            batched = 0;
          }
        }
        await writeAll(handle, Buffer.from(batch.join(""), "utf8"));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, this.location);
    } catch (error) {
      await rm(temp, { force: true });
      throw fileWriteError(error, this.location, "compact the journal");
    }
  }

  archive(label: string): Promise<string | undefined> {
    return archiveFile(this.location, label);
  }

  #writeFailed(error: unknown): MigrationsError {
    if (error instanceof MigrationsError) {
      return error;
    }
    return new MigrationsError(
      "JOURNAL_WRITE_FAILED",
      { file: this.location, reason: errnoReason(error), advice: fileSystemAdvice(error, this.location) },
      { cause: error },
    );
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function endsWithNewline(handle: FileHandle, size: number): Promise<boolean> {
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  return last[0] === 0x0a;
}

/**
 * Writes every byte of `bytes`: a write may store fewer bytes than asked (a disk that fills up
 * mid-write), so it continues with the rest, and fails when the file takes nothing more.
 */
async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    if (bytesWritten <= 0) {
      throw Object.assign(new Error(`ENOSPC: short write, ${offset} of ${bytes.length} bytes written`), { code: "ENOSPC" });
    }
    offset += bytesWritten;
  }
}
