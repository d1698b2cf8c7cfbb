import type { RegistryDocument } from "./registry-document.js";
import type { RegistryStorage } from "./registry-storage.js";

/** A registry that lives as long as the process: the default for in-process networks. */
export class MemoryRegistryStorage implements RegistryStorage {
  readonly location = "memory";
  #doc: string | undefined;

  constructor(initial?: unknown) {
    this.#doc = initial === undefined ? undefined : JSON.stringify(initial);
  }

  async load(): Promise<unknown> {
    return this.#doc === undefined ? undefined : (JSON.parse(this.#doc) as unknown);
  }

  async save(doc: RegistryDocument): Promise<void> {
    this.#doc = JSON.stringify(doc);
  }

  async archive(): Promise<string | undefined> {
    this.#doc = undefined;
    return undefined;
  }
}
