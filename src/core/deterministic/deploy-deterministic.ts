import type { MigrationTransactions } from "../deployed-contract.js";
import type { MinedReceipt } from "../mined-receipt.js";
import { MigrationsError, describeError } from "../errors.js";
import type { Eip1193Provider } from "../provider.js";
import { DETERMINISTIC_DEPLOYMENT_PROXY, create2Address, create2Transaction, hasCode } from "./create2-factory.js";

/**
 * How a CREATE2 deployment is sent: through the plugin's one transaction path (a StoreSender, or a
 * migration's sender), resolved with the mined receipt.
 */
export interface Create2SendPath {
  send(tx: { readonly to: string; readonly data: string }): Promise<MinedReceipt>;
  /** Whether the next send replays a journaled step with this payload (see MigrationSender.replaysNext). */
  replaysNext?(tx: { readonly to: string; readonly data: string }): boolean;
}

/** A migration's send path: sends from `from` on the migration's journaled path, and waits with the run's policy. */
export function migrationSendPath(transactions: MigrationTransactions, from: string, replaysNext: Create2SendPath["replaysNext"] | undefined): Create2SendPath {
  return {
    send: async (tx) => transactions.wait((await transactions.send(from, tx)).hash),
    ...(replaysNext !== undefined ? { replaysNext } : {}),
  };
}

/** What a migration's deterministic deployments need from the run: the node, the chain, the journal's replay check, the default salt. */
export interface Create2Host {
  readonly provider: Eip1193Provider;
  readonly isDevChain: boolean;
  readonly network: string;
  readonly replaysNext?: (tx: { to: string; data: string }) => boolean;
  readonly defaultSalt?: string;
}

export interface Create2Deployment {
  readonly address: string;
  /** Absent when the contract was already there and nothing was sent. */
  readonly receipt?: MinedReceipt;
}

/**
 * Deploys `initCode` at its CREATE2 address through the factory (which must be on the chain: see
 * ensureCreate2Factory), or finds it already there: a contract at the address is reused, never
 * deployed a second time (the factory's CREATE2 would revert). An interrupted run's journaled
 * CREATE2 is replayed through the sender, which finds the mined transaction instead of sending.
 */
export async function deployDeterministic(
  provider: Eip1193Provider,
  path: Create2SendPath,
  name: string,
  salt: string,
  initCode: string,
): Promise<Create2Deployment> {
  const factory = DETERMINISTIC_DEPLOYMENT_PROXY.address;
  const address = create2Address(salt, initCode, factory);
  const tx = create2Transaction(salt, initCode, factory);
  if (path.replaysNext?.(tx) !== true && (await hasCode(provider, address))) {
    return { address };
  }
  let receipt: MinedReceipt;
  try {
    receipt = await path.send(tx);
  } catch (error) {
    if (MigrationsError.is(error)) {
      throw error;
    }
    throw new MigrationsError("CREATE2_DEPLOYMENT_FAILED", { name, factory, address, reason: describeError(error) }, { cause: error });
  }
  if (receipt.status !== 1) {
    throw new MigrationsError("CREATE2_DEPLOYMENT_FAILED", { name, factory, address, reason: `the transaction ${receipt.hash} reverted` });
  }
  if (!(await hasCode(provider, address))) {
    throw new MigrationsError("CREATE2_DEPLOYMENT_FAILED", { name, factory, address, reason: "the factory left no code at the address" });
  }
  return { address, receipt };
}
