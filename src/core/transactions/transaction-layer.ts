import type { MigrationEventListener } from "../events.js";
import type { Journal } from "../journal/journal.js";
import type { Eip1193Provider } from "../provider.js";
import { NonceManager } from "./nonce-manager.js";
import type { DevChainFees } from "./provider-send.js";
import { defaultTransactionPolicy, type TransactionPolicy } from "./transaction-policy.js";

/** What one run shares between its migrations: the node, the journal, nonces and the policy. */
export interface TransactionLayer {
  readonly provider: Eip1193Provider;
  readonly policy: TransactionPolicy;
  readonly nonces: NonceManager;
  readonly journal?: Journal;
  /** Dev chains: the head is not asked before each send (the last block seen is a lower bound). */
  readonly isDevChain: boolean;
  /** The highest block number seen in a receipt: a lower bound for where later transactions land. */
  lastSeenBlock: number;
  /** Receives tx-sent, tx-waiting and tx-mined. */
  readonly emit?: MigrationEventListener;
  /** Once aborted (Ctrl-C), nothing more is sent and waits stop with INTERRUPTED. */
  readonly signal?: AbortSignal;
  /** The chain id (for the responses built from what was sent); read once when not given. */
  chainId?: Promise<bigint>;
  /** Dev chains: the gas and fee fields the plugin fills in, read once per run. */
  devChainFees?: Promise<DevChainFees | undefined> | undefined;
}

export function createTransactionLayer(
  provider: Eip1193Provider,
  options: {
    policy?: TransactionPolicy;
    journal?: Journal;
    isDevChain?: boolean;
    emit?: MigrationEventListener;
    signal?: AbortSignal;
    chainId?: number;
  } = {},
): TransactionLayer {
  const isDevChain = options.isDevChain ?? true;
  return {
    ...(options.chainId !== undefined ? { chainId: Promise.resolve(BigInt(options.chainId)) } : {}),
    provider,
    policy: options.policy ?? defaultTransactionPolicy(isDevChain),
    nonces: new NonceManager(provider),
    ...(options.journal !== undefined ? { journal: options.journal } : {}),
    isDevChain,
    lastSeenBlock: 0,
    ...(options.emit !== undefined ? { emit: options.emit } : {}),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
  };
}
