import type { Eip1193Provider } from "../provider.js";
import { executedTransaction, executionLogs, type SafeExecutionLog } from "./safe-chain.js";
import type { SafeProposal } from "./safe-proposal.js";
import { safeTransactionHash, type SafeTransaction } from "./safe-transaction.js";

/** How many nonces after the proposal's are searched for the same call. */
const NONCE_WINDOW = 64;

/** An execution of a proposal's call, and the Safe nonce it used. */
export type ProposalExecution = SafeExecutionLog & { readonly nonce: number };

const sameCall = (a: Omit<SafeTransaction, "nonce">, b: Omit<SafeTransaction, "nonce">) =>
  a.to.toLowerCase() === b.to.toLowerCase() && a.value === b.value && a.data.toLowerCase() === b.data.toLowerCase() && a.operation === b.operation;

/**
 * The execution of `proposal`'s call since it was proposed (one `eth_getLogs`):
 * - its own Safe transaction, or the same one at a later nonce the Safe has used since (the Safe
 *   app gives a transaction loaded from the Transaction Builder file the next free nonce);
 * - once the proposal's nonce is spent and no hash matched: a direct `execTransaction` of the same
 *   call with other gas settings (the Safe app's advanced parameters), found by decoding the
 *   executing transactions (one request each, only then).
 */
export async function findProposalExecution(provider: Eip1193Provider, proposal: SafeProposal, safeNonceNow: number): Promise<ProposalExecution | undefined> {
  const first = proposal.transaction.nonce;
  const last = Math.min(Math.max(first, safeNonceNow - 1), first + NONCE_WINDOW);
  const nonceOf = (tx: Omit<SafeTransaction, "nonce">, hash: string) => {
    for (let nonce = first; nonce <= last; nonce++) {
      if (safeTransactionHash(proposal.chainId, proposal.safe, { ...tx, nonce }).toLowerCase() === hash) {
        return nonce;
      }
    }
    return undefined;
  };
  const logs = await executionLogs(provider, proposal.safe, proposal.proposedAtBlock);
  for (const log of logs) {
    const nonce = log.safeTxHash === proposal.safeTxHash.toLowerCase() ? first : nonceOf(proposal.transaction, log.safeTxHash);
    if (nonce !== undefined) {
      return { ...log, nonce };
    }
  }
  if (safeNonceNow <= first) {
    return undefined;
  }
  for (const log of logs) {
    const executed = await executedTransaction(provider, proposal.safe, log.transactionHash);
    const nonce = executed !== undefined && sameCall(executed, proposal.transaction) ? nonceOf(executed, log.safeTxHash) : undefined;
    if (nonce !== undefined) {
      return { ...log, nonce };
    }
  }
  return undefined;
}
