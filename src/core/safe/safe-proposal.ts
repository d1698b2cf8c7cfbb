import type { SafeTransaction } from "./safe-transaction.js";
import type { TransactionBuilderBatch } from "./transaction-builder-file.js";

/**
 * A Safe transaction a migration proposed and that has not completed the migration yet. The
 * `index`-th `ctx.safe(…)` call of migration `migration` (0-based): a re-run of the migration asks
 * for the same call at the same index and finds this proposal instead of proposing again.
 */
export interface SafeProposal {
  readonly migration: number;
  readonly fileName: string;
  readonly index: number;
  readonly safe: string;
  readonly chainId: number;
  readonly transaction: SafeTransaction;
  readonly safeTxHash: string;
  /** What it does, for people: `Box.setValue(42) on 0x…`. */
  readonly description: string;
  /** Where the Safe Transaction Builder file was written. */
  readonly batchFile: string;
  readonly proposedAt: string;
  /** The head when it was proposed: its execution is searched from there. */
  readonly proposedAtBlock: number;
  /** That block's hash: a node that no longer has it (a restarted dev node, a reorg) lost the proposal's chain. */
  readonly proposedAtBlockHash: string;
  readonly threshold: number;
  readonly owners: readonly string[];
  /** `failed`: executed with `ExecutionFailure` (its nonce is spent): the next run proposes anew. */
  readonly state: "awaiting-approval" | "failed";
  /** For `failed`: the transaction that executed it. */
  readonly failedIn?: string;
}

/**
 * Where a chain's Safe proposals are kept between runs (part of its `ChainWorkspace`).
 * Implementations MUST make `save` atomic (a reader sees the old list or the new one, never a
 * mix) and MUST write the batch file completely before `writeBatchFile` resolves: a proposal is
 * saved only after its file exists, so a proposal on record always has its file.
 */
export interface SafeProposalStorage {
  /** For messages: the file (or "memory"). */
  readonly location: string;
  load(): Promise<SafeProposal[]>;
  save(proposals: readonly SafeProposal[]): Promise<void>;
  /** Writes a Transaction Builder file named after `name` and returns where it is. */
  writeBatchFile(name: string, batch: TransactionBuilderBatch): Promise<string>;
}

/** Proposals in memory (in-process chains): they live as long as the workspace. */
export class MemorySafeProposalStorage implements SafeProposalStorage {
  readonly location = "memory";
  #proposals: SafeProposal[] = [];
  readonly batches = new Map<string, TransactionBuilderBatch>();

  async load(): Promise<SafeProposal[]> {
    return [...this.#proposals];
  }

  async save(proposals: readonly SafeProposal[]): Promise<void> {
    this.#proposals = [...proposals];
  }

  async writeBatchFile(name: string, batch: TransactionBuilderBatch): Promise<string> {
    this.batches.set(name, batch);
    return `(in memory) ${name}`;
  }
}
