import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";

import { failpoint } from "./failpoints.js";
import { fileWriteError } from "./file-system-errors.js";

/**
 * Stable, diff-friendly JSON: object keys sorted, two-space indentation, trailing newline.
 * `bigint`s are written as decimal strings. Array order is kept.
 */
export function stableStringify(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

/** The same sorted-key JSON on one line (journal entries). */
export function compactStableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (typeof value === "bigint") {
    return value.toString();
  }
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === "object") {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) {
        sorted[key] = sortKeys(item);
      }
    }
    return sorted;
  }
  return value;
}

/**
 * Writes `content` to a new private temporary file next to `file` (same directory, so a rename or
 * link into place is atomic), flushed to disk unless `durable: false`, and returns its path. On
 * failure the temporary file is removed and the error is the coded one for `file` (`action`: what
 * was being done).
 */
export async function writeTempFile(file: string, content: string, action: string, options: { durable?: boolean } = {}): Promise<string> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(temp, "wx");
    try {
      await handle.writeFile(content, "utf8");
      if (options.durable !== false) {
        await handle.sync();
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw fileWriteError(error, file, action);
  }
  return temp;
}

/**
 * Writes `content` so that readers only ever see the old or the new file, never a mix: a temp
 * file in the same directory, flushed to disk (unless `durable: false`: files of a dev chain,
 * which a machine crash takes down anyway), then renamed over the target.
 */
export async function writeFileAtomic(file: string, content: string, options: { failpoint?: string; durable?: boolean } = {}): Promise<void> {
  const temp = await writeTempFile(file, content, "write", { durable: options.durable !== false });
  if (options.failpoint !== undefined) {
    failpoint(options.failpoint);
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw fileWriteError(error, file, "write");
  }
}

/**
 * Reads a JSON file; `undefined` when it does not exist. Parse errors propagate; a file that
 * cannot be read is a coded FILE_WRITE_FAILED ("Could not read ...").
 */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return undefined;
    }
    throw fileWriteError(error, file, "read");
  }
  return JSON.parse(text) as unknown;
}

/**
 * Removes the temp files `writeFileAtomic` left next to `file` when a process died between
 * writing and renaming one (only those of processes that no longer run).
 */
export async function removeOrphanedTemps(file: string): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const match = name.startsWith(prefix) ? /^(\d+)\.[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (match !== null && !isRunning(Number(match[1]))) {
      await rm(path.join(dir, name), { force: true });
    }
  }
}

/** Whether a process with this id runs on this machine (one we may not signal counts as running). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/** Renames `file` to `target` (kept, never deleted); `undefined` when there was no file. */
export async function moveAside(file: string, target: string): Promise<string | undefined> {
  try {
    await rename(file, target);
    return target;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return undefined;
    }
    throw error;
  }
}
