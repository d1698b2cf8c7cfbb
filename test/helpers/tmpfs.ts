import { execFileSync } from "node:child_process";
import { open } from "node:fs/promises";
import path from "node:path";

import { tempDir } from "./fixture.js";

/**
 * A small tmpfs of `kib` KiB mounted on a fresh directory (needs root, as on the CI container):
 * a real disk that fills up, or a real read-only file system. `undefined` when it cannot be
 * mounted here; callers then skip, saying why.
 */
export async function mountTmpfs(kib: number, options: { readOnly?: boolean } = {}): Promise<{ dir: string; unmount: () => void } | undefined> {
  const dir = await tempDir("hhm-tmpfs-");
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${kib}k${options.readOnly === true ? ",ro" : ""}`, "tmpfs", dir], { stdio: "ignore" });
  } catch {
    return undefined;
  }
  return { dir, unmount: () => execFileSync("umount", [dir], { stdio: "ignore" }) };
}

/** Fills the file system holding `dir` to the last byte (a file of `filler` grows until ENOSPC). */
export async function fillDisk(dir: string): Promise<void> {
  const handle = await open(path.join(dir, "filler"), "w");
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (;;) {
      const { bytesWritten } = await handle.write(chunk);
      if (bytesWritten < chunk.length) {
        return;
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") {
      throw error;
    }
  } finally {
    await handle.close();
  }
}
