import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** A fresh temporary directory. */
export function tempDir(prefix = "hhm-"): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** Writes `files` (name => source) into a new temporary migrations directory. */
export async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await tempDir("hhm-migrations-");
  await mkdir(dir, { recursive: true });
  for (const [name, source] of Object.entries(files)) {
    await writeFile(path.join(dir, name), source);
  }
  return dir;
}
