import type { ArtifactResolver } from "../artifacts.js";
import { checksumAddress } from "../eth/index.js";
import { MigrationsError, describeError } from "../errors.js";
import type { Eip1193Provider } from "../provider.js";
import type { Registry } from "../registry/registry.js";
import { encodeSafeCall, rawSafeCall, type EncodedSafeCall, type SafeCallOptions, type SafeCallTarget } from "./safe-call-target.js";
import { findProposalExecution } from "./find-proposal-execution.js";
import { blockAt, onChainSafeTransactionHash, readSafe, safeNonce } from "./safe-chain.js";
import type { SafeProposal, SafeProposalStorage } from "./safe-proposal.js";
import { simulateFromSafe } from "./simulate-from-safe.js";
import { safeTransaction, safeTransactionHash, type SafeCall } from "./safe-transaction.js";
import { transactionBuilderBatch } from "./transaction-builder-file.js";

/** A Safe transaction of the migration, found executed on chain. */
export interface SafeExecution {
  readonly safe: string;
  readonly safeTxHash: string;
  readonly nonce: number;
  /** The transaction that executed it (`execTransaction`), and its block. */
  readonly transactionHash: string;
  readonly blockNumber: number;
}

/**
 * `ctx.safe(address)`: calls that the Safe at `address` must make, because it owns the target.
 * Each call is one Safe transaction. Nothing is sent: the first run of the migration proposes the
 * call (a Transaction Builder file, the Safe transaction hash) and stops the run with
 * HHM270 (the migration is then `awaiting-approval`); once the Safe's owners executed it, the
 * next run finds it on chain, the call resolves, and the migration goes on to completion.
 * A proposal awaiting approval is never proposed again.
 */
export interface MigrationSafe {
  readonly address: string;
  /** Calls `fn(...args)` on `target` (a registry name, an address with a function signature, or a contract) from the Safe. */
  call(target: SafeCallTarget, fn: string, args?: readonly unknown[], options?: SafeCallOptions): Promise<SafeExecution>;
  /** Sends a raw call (`to`, `data`, `value`) from the Safe. */
  send(tx: { readonly to: string; readonly data?: string; readonly value?: bigint | number | string }): Promise<SafeExecution>;
}

/** What `ctx.safe` needs from the run. */
export interface SafeHost {
  readonly provider: Eip1193Provider;
  readonly chainId: number;
  readonly network: string;
  readonly migration: { readonly id: number; readonly fileName: string };
  readonly proposals: SafeProposalStorage;
  readonly registry: Registry;
  readonly artifacts: ArtifactResolver;
  readonly onLog: (message: string) => void;
}

/** `ctx.safe` of one migration run: calls are numbered in the order the migration makes them. */
export function createSafeAccess(host: SafeHost): (address: string) => MigrationSafe {
  let next = 0;
  return (address) => {
    const safe = checkedSafeAddress(host, address);
    const request = async (method: string, encode: () => Promise<EncodedSafeCall>) => {
      const index = next++;
      let encoded: EncodedSafeCall;
      try {
        encoded = await encode();
      } catch (error) {
        if (MigrationsError.is(error)) {
          throw error;
        }
        throw new MigrationsError("SAFE_CALL_INVALID", { safe, method, file: host.migration.fileName, reason: describeError(error) }, { cause: error });
      }
      return requestSafeExecution(host, safe, index, encoded);
    };
    return {
      address: safe,
      call: (target, fn, args = [], options = {}) => request("call", () => encodeSafeCall(target, fn, args, options, host)),
      send: (tx) => request("send", async () => rawSafeCall(tx)),
    };
  };
}

function checkedSafeAddress(host: SafeHost, address: string): string {
  try {
    return checksumAddress(address);
  } catch {
    throw new MigrationsError("SAFE_NOT_A_SAFE", { address: String(address), file: host.migration.fileName, network: host.network, reason: "not an address" });
  }
}

const sameCall = (a: SafeCall, b: SafeCall) => a.to.toLowerCase() === b.to.toLowerCase() && a.value === b.value && a.data.toLowerCase() === b.data.toLowerCase();

/**
 * The `index`-th Safe call of the migration: resolves once the Safe executed it; otherwise
 * proposes it (once) and throws HHM270. See `MigrationSafe`.
 */
async function requestSafeExecution(host: SafeHost, safe: string, index: number, encoded: EncodedSafeCall): Promise<SafeExecution> {
  const all = await host.proposals.load();
  const existing = all.find((p) => p.migration === host.migration.id && p.index === index);
  if (existing !== undefined && (await blockAt(host.provider, existing.proposedAtBlock))?.hash !== existing.proposedAtBlockHash) {
    host.onLog(
      `The Safe transaction ${existing.safeTxHash} was proposed on a chain this node no longer has (block ${existing.proposedAtBlock} is not the same: a restarted dev node, or a reorg). Proposing the call again.`,
    );
  } else if (existing !== undefined && existing.state === "awaiting-approval") {
    const changed = (state: string) =>
      new MigrationsError("SAFE_PROPOSAL_CHANGED", {
        file: host.migration.fileName,
        safe: existing.safe,
        safeTxHash: existing.safeTxHash,
        nonce: existing.transaction.nonce,
        state,
        proposed: existing.description,
        now: `${encoded.description} from ${safe}`,
      });
    const same = existing.safe.toLowerCase() === safe.toLowerCase() && sameCall(existing.transaction, encoded.call);
    const nonce = await safeNonce(host.provider, existing.safe);
    const found = await findProposalExecution(host.provider, existing, nonce);
    if (found !== undefined && !same) {
      throw changed("executed");
    }
    if (found?.success === true) {
      host.onLog(`Safe transaction ${found.safeTxHash} (${existing.description}, nonce ${found.nonce}) was executed in ${found.transactionHash}.`);
      return { safe: existing.safe, safeTxHash: found.safeTxHash, nonce: found.nonce, transactionHash: found.transactionHash, blockNumber: found.blockNumber };
    }
    if (found !== undefined) {
      await host.proposals.save(all.map((p) => (p === existing ? { ...p, state: "failed", failedIn: found.transactionHash } : p)));
      throw new MigrationsError("SAFE_EXECUTION_FAILED", {
        safe: existing.safe,
        safeTxHash: found.safeTxHash,
        file: host.migration.fileName,
        nonce: found.nonce,
        transactionHash: found.transactionHash,
        description: existing.description,
      });
    }
    if (nonce <= existing.transaction.nonce) {
      if (!same) {
        throw changed("awaiting approval");
      }
      throw await awaiting(host, existing, `still awaiting (proposed ${existing.proposedAt}, nothing new proposed):`);
    }
    host.onLog(
      `The Safe transaction ${existing.safeTxHash} can no longer be executed: the Safe used its nonce ${existing.transaction.nonce} for another transaction. Proposing the call again at nonce ${nonce}.`,
    );
  }
  return propose(host, safe, index, encoded, all.filter((p) => p !== existing));
}

async function propose(host: SafeHost, safe: string, index: number, encoded: EncodedSafeCall, others: readonly SafeProposal[]): Promise<never> {
  const { fileName } = host.migration;
  let state;
  try {
    state = await readSafe(host.provider, safe);
  } catch (error) {
    throw new MigrationsError("SAFE_NOT_A_SAFE", { address: safe, file: fileName, network: host.network, reason: describeError(error) }, { cause: error });
  }
  const reverts = await simulateFromSafe(host.provider, safe, encoded.call);
  if (reverts !== undefined) {
    throw new MigrationsError("SAFE_CALL_REVERTS", { file: fileName, safe, description: encoded.description, reason: reverts });
  }
  const transaction = safeTransaction(encoded.call, state.nonce);
  const computed = safeTransactionHash(host.chainId, safe, transaction);
  const onChain = await onChainSafeTransactionHash(host.provider, safe, transaction);
  if (onChain.toLowerCase() !== computed.toLowerCase()) {
    throw new MigrationsError("SAFE_HASH_MISMATCH", { safe, version: state.version, onChain, computed, file: fileName });
  }
  const head = (await blockAt(host.provider, "latest"))!;
  const createdAt = new Date();
  const batch = transactionBuilderBatch(host.chainId, safe, [encoded.call], {
    name: `${fileName} #${index + 1}`,
    description: `${encoded.description} (hardhat-migrations, migration ${host.migration.id}, Safe transaction ${computed}, nonce ${state.nonce})`,
    createdAt,
  });
  // The file first: a proposal on record always has its file (SafeProposalStorage).
  const batchFile = await host.proposals.writeBatchFile(`migration-${host.migration.id}-${index + 1}`, batch);
  const proposal: SafeProposal = {
    migration: host.migration.id,
    fileName,
    index,
    safe,
    chainId: host.chainId,
    transaction,
    safeTxHash: computed,
    description: encoded.description,
    batchFile,
    proposedAt: createdAt.toISOString(),
    proposedAtBlock: head.number,
    proposedAtBlockHash: head.hash,
    threshold: state.threshold,
    owners: state.owners,
    state: "awaiting-approval",
  };
  await host.proposals.save([...others, proposal]);
  // Just simulated: it does not revert.
  throw await awaiting(host, proposal, "proposed", undefined);
}

/** HHM270 for `proposal`, warning when its call reverts if executed now (simulated unless given). */
async function awaiting(
  host: SafeHost,
  proposal: SafeProposal,
  what: string,
  reverts: string | undefined | Promise<string | undefined> = simulateFromSafe(host.provider, proposal.safe, proposal.transaction),
): Promise<MigrationsError> {
  reverts = await reverts;
  return new MigrationsError("SAFE_AWAITING_APPROVAL", {
    file: proposal.fileName,
    safe: proposal.safe,
    threshold: proposal.threshold,
    owners: proposal.owners.length,
    what,
    safeTxHash: proposal.safeTxHash,
    nonce: proposal.transaction.nonce,
    description: proposal.description,
    batchFile: proposal.batchFile,
    warning:
      reverts === undefined
        ? ""
        : `\nWarning: executed now, its call reverts (${reverts}), so the Safe cannot execute it (GS013): fix that first.`,
    networkFlag: host.network === "default" ? "" : ` --network ${host.network}`,
  });
}

/** Forgets the proposals of `migration` (recorded: they are done), or all of them (`--reset`); returns how many. */
export async function forgetProposals(storage: SafeProposalStorage | undefined, migration?: number): Promise<number> {
  const all = (await storage?.load()) ?? [];
  const kept = all.filter((p) => migration !== undefined && p.migration !== migration);
  if (kept.length < all.length) {
    await storage!.save(kept);
  }
  return all.length - kept.length;
}
