import type { JournalStorage } from "../journal/journal-storage.js";
import type { RegistryStorage } from "../registry/registry-storage.js";
import type { SafeProposalStorage } from "../safe/safe-proposal.js";
import type { SnapshotJournal } from "../snapshot-journal.js";

/**
 * Everything the plugin keeps about one chain between runs, resolved once by the host after it
 * knows the chain (Ignition's `DeploymentLoader`, File or Ephemeral): the engine reads and writes
 * these and never decides where they live.
 *
 * Implementations: `FileChainWorkspace` (everything under the registry directory, named after the
 * chain id) and `MemoryChainWorkspace` (in-process chains: lives as long as the connection).
 * A host MAY mix them (an in-process chain with a file registry keeps its snapshots in memory).
 */
export interface ChainWorkspace {
  /** The deployed-address registry (`deployments/<chainId>.json`). */
  readonly registry: RegistryStorage;
  /** The transaction journal; undefined: nothing is journaled (a run killed midway cannot resume). */
  readonly journal: JournalStorage | undefined;
  /** Dev chains: the snapshot taken before each migration, for `down`; undefined: none kept. */
  readonly snapshots: SnapshotJournal | undefined;
  /** The lock file that keeps two runs from migrating the chain at once; undefined: no lock. */
  readonly lockFile: string | undefined;
  /** The file store's record (`<chainId>.migrations.json`): read by the host that builds the store. */
  readonly stateFile: string | undefined;
  /** A network migration's sync checkpoint, when this chain is its target. */
  readonly syncCheckpointFile: string | undefined;
  /** Safe transactions migrations proposed (`ctx.safe`) and that await execution; undefined: `ctx.safe` is unavailable. */
  readonly safeProposals?: SafeProposalStorage | undefined;
  /** Removes secrets (RPC URLs, keys) from text written to these files. MUST be applied to journal lines. */
  readonly redact: (text: string) => string;
}
