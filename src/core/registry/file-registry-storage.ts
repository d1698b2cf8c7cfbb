import { rename } from "node:fs/promises";

import { readJsonFile, removeOrphanedTemps, stableStringify, writeFileAtomic } from "../json-file.js";
import type { RegistryDocument } from "./registry-document.js";
import type { RegistryStorage } from "./registry-storage.js";

/** A registry kept in one JSON file (`deployments/<chainId>.json`), written atomically. */
export class FileRegistryStorage implements RegistryStorage {
  constructor(readonly location: string) {}

  async load(): Promise<unknown> {
    await removeOrphanedTemps(this.location);
    return readJsonFile(this.location);
  }

  save(doc: RegistryDocument): Promise<void> {
    return writeFileAtomic(this.location, stableStringify(doc), { failpoint: "registry-write" });
  }

  async archive(label: string): Promise<string | undefined> {
    const target = this.location.replace(/\.json$/, "") + `.${label}.json`;
    try {
      await rename(this.location, target);
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        return undefined;
      }
      throw error;
    }
  }
}
