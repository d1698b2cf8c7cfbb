import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { link, readFile, rm, unlink } from "node:fs/promises";

import { MigrationsError } from "./errors.js";
import { fileWriteError } from "./file-system-errors.js";
import { isRunning, removeOrphanedTemps, writeTempFile } from "./json-file.js";

interface LockContent {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
  /** Unique per acquisition: tells two locks of one process (or a recycled pid) apart. */
  readonly token: string;
}

/**
 * One migrating run per chain and project at a time: a lock file next to the registry.
 *
 * Invariants: a lock file only ever appears complete (its content is written to a private temp
 * file, flushed, then hard-linked into place, which fails if a lock exists), so a reader never
 * sees a half-written lock. A lock is taken over only when its holder is provably gone (same
 * machine, process no longer running); an empty or unreadable lock, or one from another machine,
 * is never taken over. Taking over is itself exclusive: only the process holding the takeover
 * guard of that very lock content may remove it (see `removeIfStill`).
 */
export class RunLock {
  private constructor(
    readonly file: string,
    private readonly token: string,
  ) {}

  static async acquire(file: string, chainId: number): Promise<RunLock> {
    const content: LockContent = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), token: randomBytes(8).toString("hex") };
    const temp = await writeTemp(file, `${JSON.stringify(content)}\n`);
    try {
      for (let attempt = 0; attempt < 5; attempt++) {
        if (await linkExclusive(temp, file)) {
          await removeOrphanedTemps(file); // temp lock files of processes killed while taking it
          return new RunLock(file, content.token);
        }
        const seen = await readLock(file);
        if (seen === undefined) {
          continue; // released meanwhile
        }
        const holder = parseLock(seen);
        if (holder === undefined || !isStale(holder)) {
          throw locked(chainId, file, holder);
        }
        if (!(await removeIfStill(file, seen, temp))) {
          // Another process is taking it over (or took it over): whoever it is, the lock is theirs.
          const now = await readLock(file);
          const current = now === undefined ? undefined : parseLock(now);
          if (current !== undefined && !isStale(current)) {
            throw locked(chainId, file, current);
          }
        }
      }
      throw new MigrationsError("MIGRATION_LOCKED", { chainId, file, holder: "another process (it kept changing hands)" });
    } finally {
      await rm(temp, { force: true });
    }
  }

  async release(): Promise<void> {
    const seen = await readLock(this.file);
    if (seen !== undefined && parseLock(seen)?.token === this.token) {
      await rm(this.file, { force: true });
    }
  }
}

function locked(chainId: number, file: string, holder: LockContent | undefined): MigrationsError {
  return new MigrationsError("MIGRATION_LOCKED", {
    chainId,
    file,
    holder: holder === undefined ? "an unknown process (the lock file is empty or unreadable, so it is not taken over)" : `process ${holder.pid} on ${holder.host} since ${holder.startedAt}`,
  });
}

/** A private, complete, flushed copy of the lock content, to be linked into place. */
function writeTemp(file: string, text: string): Promise<string> {
  return writeTempFile(file, text, "take the run lock");
}

/** Links `temp` to `file`; false when `file` exists. */
async function linkExclusive(temp: string, file: string): Promise<boolean> {
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      return false;
    }
    throw fileWriteError(error, file, "take the run lock");
  }
}

/**
 * Removes `file` if it still holds `content` (a dead holder's lock), under a guard file named
 * after that content: of all processes that saw the same stale lock, only the guard's holder may
 * remove it, and a lock written since is never removed. A guard left by a process that died while
 * taking over is itself taken over the same way. True when the stale lock is gone.
 */
async function removeIfStill(file: string, content: string, temp: string, depth = 0): Promise<boolean> {
  if (depth > 8) {
    return false;
  }
  const guard = `${file}.takeover-${tokenOf(content)}`;
  if (!(await linkExclusive(temp, guard))) {
    const seen = await readLock(guard);
    const holder = seen === undefined ? undefined : parseLock(seen);
    if (seen === undefined || holder === undefined || !isStale(holder) || !(await removeIfStill(guard, seen, temp, depth + 1))) {
      return false;
    }
    if (!(await linkExclusive(temp, guard))) {
      return false;
    }
  }
  try {
    if ((await readLock(file)) !== content) {
      return false;
    }
    await unlink(file).catch(() => {});
    return true;
  } finally {
    await unlink(guard).catch(() => {});
  }
}

function tokenOf(content: string): string {
  const parsed = parseLock(content);
  return parsed?.token ?? `${parsed?.pid ?? 0}-${Buffer.from(content).toString("hex").slice(0, 16)}`;
}

/** The lock file's text; `undefined` when there is none. */
async function readLock(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return undefined;
    }
    return "";
  }
}

function parseLock(text: string): LockContent | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<LockContent>;
    if (typeof parsed.pid === "number" && typeof parsed.host === "string" && typeof parsed.startedAt === "string") {
      return { token: "", ...parsed } as LockContent;
    }
  } catch {
    // empty or damaged: not proof of anything
  }
  return undefined;
}

/** A holder provably gone: on this machine, and its process no longer runs. */
function isStale(holder: LockContent): boolean {
  return holder.host === hostname() && holder.pid > 0 && !isRunning(holder.pid);
}
