import type { SafeProposal, SafeProposalStorage } from "./safe-proposal.js";

/** What `status` shows of a migration awaiting its Safe's owners. */
export interface AwaitingApproval {
  readonly safe: string;
  readonly safeTxHash: string;
  readonly nonce: number;
  readonly batchFile: string;
  readonly proposedAt: string;
  readonly description: string;
  /** `failed`: the Safe executed it and the call failed; the next `migrate` proposes anew. */
  readonly state: SafeProposal["state"];
}

/**
 * Marks the rows of migrations with a Safe proposal on record and not completed as
 * `awaiting-approval` (reads the workspace only: sends nothing, asks the chain nothing).
 */
export async function withSafeProposals<Row extends { readonly id: number; readonly state: string }>(
  rows: readonly Row[],
  storage: SafeProposalStorage | undefined,
): Promise<Array<Row | (Row & { readonly state: "awaiting-approval"; readonly awaitingApproval: AwaitingApproval })>> {
  const proposals = (await storage?.load()) ?? [];
  return rows.map((row) => {
    if (row.state !== "pending" && row.state !== "interrupted") {
      return row;
    }
    const mine = proposals.filter((p) => p.migration === row.id).sort((a, b) => b.index - a.index)[0];
    if (mine === undefined) {
      return row;
    }
    const awaiting: AwaitingApproval = {
      safe: mine.safe,
      safeTxHash: mine.safeTxHash,
      nonce: mine.transaction.nonce,
      batchFile: mine.batchFile,
      proposedAt: mine.proposedAt,
      description: mine.description,
      state: mine.state,
    };
    return { ...row, state: "awaiting-approval" as const, awaitingApproval: awaiting };
  });
}

/** The notice of a run that resumes a migration awaiting its Safe (instead of "resuming an interrupted run"). */
export async function awaitingApprovalNotice(storage: SafeProposalStorage | undefined, migration: number, fileName: string): Promise<string | undefined> {
  const mine = ((await storage?.load()) ?? []).filter((p) => p.migration === migration);
  if (mine.length === 0) {
    return undefined;
  }
  const hashes = mine.map((p) => `${p.safeTxHash} (nonce ${p.transaction.nonce})`).join(", ");
  return `${fileName} awaits its Safe: looking for the execution of ${hashes} on chain; what it sent before proposing is not sent again.`;
}
