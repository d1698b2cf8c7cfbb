import type { RegistryDocument } from "./registry-document.js";

/**
 * Where a registry document lives. Implementations MUST make `save` atomic: a reader (or a
 * process killed mid-save) sees either the previous document or the new one, never a mix.
 */
export interface RegistryStorage {
  /** Shown to users: a file path, or "memory". */
  readonly location: string;
  /** The stored document as parsed JSON, unchecked; `undefined` when nothing is stored yet. */
  load(): Promise<unknown>;
  save(doc: RegistryDocument): Promise<void>;
  /** Moves the stored document aside (kept, never deleted); returns where it went. */
  archive(label: string): Promise<string | undefined>;
}
