import { access, mkdir } from "node:fs/promises";
import path from "node:path";

import { moveAside } from "./json-file.js";

/** The folder, beside a chain's files, where the files of restarted dev chains are kept. */
export const ARCHIVE_DIR = ".archive";

/**
 * Moves `file` (e.g. `deployments/31337.json`) into `deployments/.archive/` as
 * `31337.<label>.json`, keeping its extension; resolves to the new path, or `undefined` when there
 * was no file. Archives are never deleted by the plugin; the docs say to keep them out of git.
 */
export async function archiveFile(file: string, label: string): Promise<string | undefined> {
  const extension = /\.jsonl?$/.exec(file)?.[0] ?? "";
  const base = path.basename(file, extension);
  const target = path.join(path.dirname(file), ARCHIVE_DIR, `${base}.${label}${extension}`);
  const present = await access(file).then(() => true, () => false);
  if (!present) {
    return undefined;
  }
  await mkdir(path.dirname(target), { recursive: true });
  return moveAside(file, target);
}

/** A label for an archive made now: `stale-<ISO time>` with file-name-safe characters. */
export function staleLabel(): string {
  return `stale-${new Date().toISOString().replace(/[:.]/g, "-")}`;
}
