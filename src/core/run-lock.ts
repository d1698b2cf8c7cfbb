import { hostname } from "node:os";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";

import { MigrationsError } from "./errors.js";
import { isRunning } from "./json-file.js";

interface LockContent {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
}

/**
 * One migrating run per chain and project at a time: a lock file created exclusively next to the
 * registry. A lock left by a process that died (same machine, pid gone) is taken over; a live
 * holder makes the newcomer stop with MIGRATION_LOCKED.
 */
export class RunLock {
  private constructor(readonly file: string) {}

  static async acquire(file: string, chainId: number): Promise<RunLock> {
    await mkdir(path.dirname(file), { recursive: true });
    const content: LockContent = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const handle = await open(file, "wx");
        try {
          await handle.writeFile(`${JSON.stringify(content)}\n`);
        } finally {
          await handle.close();
        }
        return new RunLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
          throw error;
        }
      }
      const holder = await readLock(file);
      if (holder !== undefined && !isStale(holder)) {
        throw new MigrationsError("MIGRATION_LOCKED", { chainId, file, holder: `process ${holder.pid} on ${holder.host} since ${holder.startedAt}` });
      }
      // Stale: move it aside under a name of our own, then check that what we moved is the stale
      // lock (not a fresh one another process created meanwhile) before trying again.
      const aside = `${file}.${process.pid}.stale`;
      try {
        await rename(file, aside);
      } catch {
        continue;
      }
      const moved = await readLock(aside);
      if (moved !== undefined && !isStale(moved)) {
        await rename(aside, file).catch(() => {});
        throw new MigrationsError("MIGRATION_LOCKED", { chainId, file, holder: `process ${moved.pid} on ${moved.host} since ${moved.startedAt}` });
      }
      await rm(aside, { force: true });
    }
    throw new MigrationsError("MIGRATION_LOCKED", { chainId, file, holder: "another process (it kept changing hands)" });
  }

  async release(): Promise<void> {
    const holder = await readLock(this.file);
    if (holder?.pid === process.pid && holder.host === hostname()) {
      await rm(this.file, { force: true });
    }
  }
}

async function readLock(file: string): Promise<LockContent | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8")) as Partial<LockContent>;
    if (typeof parsed.pid === "number" && typeof parsed.host === "string" && typeof parsed.startedAt === "string") {
      return parsed as LockContent;
    }
  } catch {
    // unreadable (a torn write by a killed process): treat as stale below
  }
  return { pid: -1, host: hostname(), startedAt: "(unreadable lock)" };
}

/** Dead holders on this machine; a holder on another machine cannot be checked from here. */
function isStale(holder: LockContent): boolean {
  if (holder.host !== hostname()) {
    return false;
  }
  return holder.pid <= 0 || !isRunning(holder.pid);
}
