import { archiveFile } from "../archive.js";
import { readJsonFile, removeOrphanedTemps, stableStringify, writeFileAtomic } from "../json-file.js";
import type { RegistryDocument } from "./registry-document.js";
import type { RegistryStorage } from "./registry-storage.js";

/**
 * A registry kept in one JSON file (`deployments/<chainId>.json`), written atomically, and
 * flushed to disk on every save when `durable` (off dev chains).
 */
export class FileRegistryStorage implements RegistryStorage {
  constructor(
    readonly location: string,
    private readonly durable = true,
  ) {}

  async load(): Promise<unknown> {
    await removeOrphanedTemps(this.location);
    return readJsonFile(this.location);
  }

  save(doc: RegistryDocument): Promise<void> {
    return writeFileAtomic(this.location, stableStringify(doc), { failpoint: "registry-write", durable: this.durable });
  }

  archive(label: string): Promise<string | undefined> {
    return archiveFile(this.location, label);
  }
}
