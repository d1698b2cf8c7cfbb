import { decodeFunctionResult, encodeFunctionCall } from "../eth/abi-function.js";
import { hasCode } from "../deterministic/create2-factory.js";
import { MigrationsError, describeError } from "../errors.js";
import { NODE_READ_RETRY_DELAYS_MS, NodeReadFailure, retryNodeFailures, tellingNodeFailures } from "../node-read-failure.js";
import type { Eip1193Provider } from "../provider.js";
import type { MigratorRecord } from "../registry/registry-document.js";
import { COMPLETED_CALL, decodeIdArray } from "./legacy-migrator.js";
import { MIGRATOR_ABI, type RecordEvent, completedOf, readRecord } from "./migrator-events.js";
import type { MigratorDesign } from "./migrator-deployment.js";
import { ethCall } from "./migrator-rpc.js";

/** Call data of either design's `owner()`. */
export const OWNER_CALL = encodeFunctionCall(MIGRATOR_ABI, "owner");

export function decodeOwner(raw: string): string {
  return decodeFunctionResult(MIGRATOR_ABI, "owner", raw)[0] as string;
}

/** What `MigratorStateStore.attach` reads: the record, and the owner when a signer is to be checked. */
export interface AttachedRecord {
  readonly known: { version: bigint; events: RecordEvent[] };
  readonly completed: Set<number>;
  readonly owner: string | undefined;
}

/**
 * The record of the Migrator a registry names (design 2: its version and events; design 1:
 * `completed()`), with its owner when `withOwner`; `undefined` when there is no code at the address.
 *
 * Whose failure it is decides the error. The contract's (a call reverts, or answers data that
 * does not decode) is MIGRATOR_INCOMPATIBLE. The node's (an HTTP error or rate limit, a dropped
 * connection, a timeout, a JSON-RPC internal error: NodeReadFailure) is asked again, at most twice
 * after a short wait (`retryNodeFailures`), then is MIGRATOR_UNREACHABLE, which says that nothing
 * was changed: never "incompatible", whose hint is to start a fresh record.
 */
export async function readAttachedRecord(
  provider: Eip1193Provider,
  migrator: Pick<MigratorRecord, "address" | "blockNumber" | "baseline"> & { readonly deployer?: string; readonly design: MigratorDesign },
  where: { readonly file: string; readonly network: string },
  withOwner: boolean,
): Promise<AttachedRecord | undefined> {
  const { address } = migrator;
  const reader = tellingNodeFailures(provider);
  const unreachable = (failure: NodeReadFailure) => migratorUnreachable(address, where.network, failure);
  try {
    return await retryNodeFailures(() => readOnce(reader, migrator, withOwner));
  } catch (error) {
    const failure = NodeReadFailure.in(error);
    if (failure !== undefined) {
      throw unreachable(failure);
    }
    if (MigrationsError.is(error)) {
      throw error;
    }
    let code: boolean;
    try {
      code = await retryNodeFailures(() => hasCode(reader, address));
    } catch (codeError) {
      throw unreachable(NodeReadFailure.in(codeError) ?? new NodeReadFailure("eth_getCode", codeError));
    }
    if (!code) {
      return undefined;
    }
    throw new MigrationsError("MIGRATOR_INCOMPATIBLE", { address, reason: describeError(error), file: where.file }, { cause: error });
  }
}

/** MIGRATOR_UNREACHABLE: the node failed to read the Migrator at `address`, after `retryNodeFailures`. */
export function migratorUnreachable(address: string, network: string, failure: NodeReadFailure): MigrationsError<"MIGRATOR_UNREACHABLE"> {
  return new MigrationsError("MIGRATOR_UNREACHABLE", { address, network, reason: failure.message, attempts: NODE_READ_RETRY_DELAYS_MS.length + 1 }, { cause: failure });
}

/** One attempt: the record and the owner asked at once (one round trip). */
async function readOnce(
  provider: Eip1193Provider,
  migrator: Pick<MigratorRecord, "address" | "blockNumber" | "baseline"> & { readonly deployer?: string; readonly design: MigratorDesign },
  withOwner: boolean,
): Promise<AttachedRecord | undefined> {
  const { address, deployer: from } = migrator;
  const ownerCall = withOwner ? ethCall(provider, address, OWNER_CALL, from) : undefined;
  if (migrator.design === 2) {
    const [record, ownerRaw] = await Promise.all([readRecord(provider, address, migrator.blockNumber, from, migrator.baseline), ownerCall]);
    return { known: record, completed: completedOf(record.events), owner: ownerRaw === undefined ? undefined : decodeOwner(ownerRaw) };
  }
  const [raw, ownerRaw] = await Promise.all([ethCall(provider, address, COMPLETED_CALL, from), ownerCall]);
  if (raw === "0x" && !(await hasCode(provider, address))) {
    return undefined;
  }
  return { known: { version: 0n, events: [] }, completed: decodeIdArray(raw), owner: ownerRaw === undefined ? undefined : decodeOwner(ownerRaw) };
}
