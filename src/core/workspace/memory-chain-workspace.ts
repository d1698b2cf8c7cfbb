import { MemoryJournalStorage } from "../journal/journal-storage.js";
import { MemoryRegistryStorage } from "../registry/memory-registry-storage.js";
import { MemorySafeProposalStorage } from "../safe/safe-proposal.js";
import { MemorySnapshotJournal } from "../snapshot-journal.js";
import type { ChainWorkspace } from "./chain-workspace.js";

/**
 * A chain kept in memory (in-process chains, fixtures, simulations, tests): registry, journal and
 * snapshots live as long as this object; no lock (nothing outside the process can see the chain)
 * and no files.
 */
export class MemoryChainWorkspace implements ChainWorkspace {
  readonly registry: MemoryRegistryStorage;
  readonly journal = new MemoryJournalStorage();
  readonly snapshots = new MemorySnapshotJournal();
  readonly lockFile = undefined;
  readonly stateFile = undefined;
  readonly syncCheckpointFile = undefined;
  readonly safeProposals = new MemorySafeProposalStorage();

  constructor(
    registry: MemoryRegistryStorage = new MemoryRegistryStorage(),
    readonly redact: (text: string) => string = (text) => text,
  ) {
    this.registry = registry;
  }
}
