import path from "node:path";

import type { ChainInfo } from "../chain.js";
import { FileJournalStorage } from "../journal/journal-storage.js";
import { FileRegistryStorage } from "../registry/file-registry-storage.js";
import { FileSafeProposalStorage } from "../safe/file-safe-proposal-storage.js";
import { FileSnapshotJournal } from "../snapshot-journal.js";
import type { ChainWorkspace } from "./chain-workspace.js";

/**
 * A chain's files under the registry directory: `<chainId>.json` (registry),
 * `.journal.jsonl`, `.snapshots.json`, `.lock`, `.migrations.json` (file store), `.sync.json`,
 * `.safe.json` (Safe proposals, their Transaction Builder files in `safe/`).
 * The journal (every line) and the registry (every save) are flushed to disk off dev chains.
 */
export class FileChainWorkspace implements ChainWorkspace {
  readonly registry: FileRegistryStorage;
  readonly journal: FileJournalStorage;
  readonly snapshots: FileSnapshotJournal;
  readonly lockFile: string;
  readonly stateFile: string;
  readonly syncCheckpointFile: string;
  readonly safeProposals: FileSafeProposalStorage;

  constructor(
    dir: string,
    chain: ChainInfo,
    readonly redact: (text: string) => string = (text) => text,
  ) {
    const file = (suffix: string) => path.join(dir, `${chain.chainId}${suffix}`);
    this.registry = new FileRegistryStorage(file(".json"), !chain.isDevChain);
    this.journal = new FileJournalStorage(file(".journal.jsonl"), !chain.isDevChain);
    this.snapshots = new FileSnapshotJournal(file(".snapshots.json"), chain);
    this.lockFile = file(".lock");
    this.stateFile = file(".migrations.json");
    this.syncCheckpointFile = file(".sync.json");
    this.safeProposals = new FileSafeProposalStorage(file(".safe.json"), path.join(dir, "safe"), chain.chainId);
  }
}
