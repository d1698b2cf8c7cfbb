import { MigrationsError } from "../errors.js";
import type { JsonValue } from "../registry/registry-document.js";

/**
 * What an Ignition deployment folder's `journal.jsonl` says about one future (a contract or
 * library deployment, or a `contractAt`), folded from its messages in order. Ignition writes one
 * JSON message per line; bigints are `{ "_kind": "bigint", "value": "<decimal>" }`.
 */
export interface IgnitionFuture {
  readonly futureId: string;
  readonly futureType: string;
  readonly contractName: string;
  readonly artifactId: string;
  readonly constructorArgs: JsonValue[];
  readonly libraries: Readonly<Record<string, string>>;
  readonly from: string | undefined;
  /** The deployed (or, for a `contractAt`, given) address, once the future completed. */
  readonly address: string | undefined;
  /** `SUCCESS`, or the failure type Ignition recorded; undefined while not complete. */
  readonly result: string | undefined;
  readonly transactionHash: string | undefined;
  readonly blockNumber: number | undefined;
}

export interface IgnitionJournal {
  readonly chainId: number | undefined;
  /** Deployment and `contractAt` futures, in the order the journal initialised them. */
  readonly futures: readonly IgnitionFuture[];
}

interface Message {
  readonly type?: string;
  readonly futureId?: string;
  readonly [key: string]: unknown;
}

type MutableFuture = { -readonly [K in keyof IgnitionFuture]: IgnitionFuture[K] };

/** Parses Ignition's journal text; a line that is not JSON is refused with its number. */
export function parseIgnitionJournal(text: string, file: string): IgnitionJournal {
  let chainId: number | undefined;
  const futures = new Map<string, MutableFuture>();
  const lines = text.split("\n");
  lines.forEach((line, index) => {
    if (line.trim() === "") {
      return;
    }
    let message: Message;
    try {
      message = JSON.parse(line) as Message;
    } catch {
      throw new MigrationsError("IGNITION_JOURNAL_UNREADABLE", { file, line: index + 1 });
    }
    fold(message);
  });
  return { chainId, futures: [...futures.values()] };

  function fold(message: Message): void {
    switch (message.type) {
      case "DEPLOYMENT_INITIALIZE":
        chainId = Number(message["chainId"]);
        return;
      case "DEPLOYMENT_EXECUTION_STATE_INITIALIZE":
      case "CONTRACT_AT_EXECUTION_STATE_INITIALIZE": {
        const futureId = String(message.futureId);
        futures.set(futureId, {
          futureId,
          futureType: String(message["futureType"] ?? ""),
          contractName: String(message["contractName"] ?? ""),
          artifactId: String(message["artifactId"] ?? futureId),
          constructorArgs: plain(message["constructorArgs"] ?? []) as JsonValue[],
          libraries: (message["libraries"] ?? {}) as Record<string, string>,
          from: typeof message["from"] === "string" ? message["from"] : undefined,
          // A contractAt names its address up front and sends nothing.
          address: typeof message["contractAddress"] === "string" ? message["contractAddress"] : undefined,
          result: message.type === "CONTRACT_AT_EXECUTION_STATE_INITIALIZE" ? "SUCCESS" : undefined,
          transactionHash: undefined,
          blockNumber: undefined,
        });
        return;
      }
      case "TRANSACTION_CONFIRM": {
        const future = futures.get(String(message.futureId));
        const receipt = message["receipt"] as { blockNumber?: number; status?: string } | undefined;
        // A deployment future sends one transaction (with the create2 strategy, a factory call).
        if (future !== undefined && receipt?.status === "SUCCESS") {
          future.transactionHash = String(message["hash"]);
          future.blockNumber = receipt.blockNumber;
        }
        return;
      }
      case "DEPLOYMENT_EXECUTION_STATE_COMPLETE": {
        const future = futures.get(String(message.futureId));
        const result = message["result"] as { type?: string; address?: string } | undefined;
        if (future !== undefined) {
          future.result = result?.type ?? "UNKNOWN";
          future.address = result?.address;
        }
        return;
      }
      case "WIPE_APPLY":
        // `ignition deployment wipe` forgot this future's state.
        futures.delete(String(message.futureId));
        return;
      default:
        return;
    }
  }
}

/** Ignition's serialised values as the registry keeps them (bigints as decimal strings). */
function plain(value: unknown): JsonValue {
  if (Array.isArray(value)) {
    return value.map(plain);
  }
  if (value !== null && typeof value === "object") {
    const tagged = value as { _kind?: unknown; value?: unknown };
    if (tagged._kind === "bigint" && typeof tagged.value === "string") {
      return tagged.value;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return (value ?? null) as JsonValue;
}
