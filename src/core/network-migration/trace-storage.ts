import { MigrationsError, describeError } from "../errors.js";
import type { Eip1193Provider } from "../provider.js";

/** What one transaction changed, per lower-case address. */
export interface TransactionChanges {
  /** slot => value after the transaction (32-byte hex, lower case), per address. */
  readonly storage: Map<string, Map<string, string>>;
  /** Every account the transaction touched (balance, nonce, code or storage). */
  readonly accounts: Set<string>;
}

export type TraceMethod = "prestateTracer" | "structLogs";

/** 32-byte, lower-case 0x-hex. */
export function word(hex: string): string {
  return `0x${BigInt(hex).toString(16).padStart(64, "0")}`;
}

function address(hex: string): string {
  return `0x${BigInt(hex).toString(16).padStart(40, "0")}`;
}

/**
 * Finds the storage a transaction wrote, with nothing but `debug_traceTransaction`: Geth's
 * `prestateTracer` in diff mode where the node has it (EDR, `hardhat node`, geth, anvil), else the
 * default struct logs (ganache and older nodes), following calls and creations to attribute each
 * SSTORE to its contract, and dropping the writes of reverted frames.
 */
export class StorageTracer {
  #method: TraceMethod | undefined;

  constructor(
    private readonly provider: Eip1193Provider,
    private readonly network: string,
    preferred?: TraceMethod,
  ) {
    this.#method = preferred;
  }

  get method(): TraceMethod | undefined {
    return this.#method;
  }

  async changes(txHash: string): Promise<TransactionChanges> {
    if (this.#method !== "structLogs") {
      try {
        const result = await this.provider.request({
          method: "debug_traceTransaction",
          params: [txHash, { tracer: "prestateTracer", tracerConfig: { diffMode: true } }],
        });
        const parsed = fromPrestateDiff(result);
        if (parsed !== undefined) {
          this.#method = "prestateTracer";
          return parsed;
        }
        if (this.#method === "prestateTracer") {
          throw new Error("the prestateTracer answer has no pre/post state");
        }
      } catch (error) {
        if (this.#method === "prestateTracer") {
          throw this.#unsupported(`debug_traceTransaction with the prestateTracer failed for ${txHash}: ${describeError(error)}`, error);
        }
      }
      this.#method = "structLogs";
    }
    return this.#fromStructLogs(txHash);
  }

  async #fromStructLogs(txHash: string): Promise<TransactionChanges> {
    let trace: { failed?: boolean; structLogs?: StructLog[] };
    let tx: { to: string | null } | null;
    let receipt: { contractAddress: string | null; status: string } | null;
    try {
      [trace, tx, receipt] = (await Promise.all([
        this.provider.request({ method: "debug_traceTransaction", params: [txHash, { disableMemory: true, disableStorage: true }] }),
        this.provider.request({ method: "eth_getTransactionByHash", params: [txHash] }),
        this.provider.request({ method: "eth_getTransactionReceipt", params: [txHash] }),
      ])) as [typeof trace, typeof tx, typeof receipt];
    } catch (error) {
      throw this.#unsupported(`debug_traceTransaction failed for ${txHash}: ${describeError(error)}`, error);
    }
    if (!Array.isArray(trace?.structLogs) || tx === null || receipt === null) {
      throw this.#unsupported(`debug_traceTransaction gave no struct logs for ${txHash}`);
    }
    if (trace.structLogs.some((log) => log.op === "SSTORE" && !Array.isArray(log.stack))) {
      throw this.#unsupported(`its struct logs have no stacks (${txHash})`);
    }
    const to = tx.to ?? receipt.contractAddress;
    const changes: TransactionChanges = { storage: new Map(), accounts: new Set() };
    if (to === null) {
      return changes;
    }
    changes.accounts.add(to.toLowerCase());
    if (BigInt(receipt.status) !== 1n) {
      return changes;
    }
    for (const write of structLogWrites(trace.structLogs, to.toLowerCase())) {
      changes.accounts.add(write.address);
      let slots = changes.storage.get(write.address);
      if (slots === undefined) {
        changes.storage.set(write.address, (slots = new Map()));
      }
      slots.set(write.slot, write.value);
    }
    return changes;
  }

  #unsupported(reason: string, cause?: unknown): MigrationsError {
    return new MigrationsError("SNAPSHOT_TRACE_UNSUPPORTED", { network: this.network, reason }, { cause });
  }
}

interface StructLog {
  readonly op: string;
  readonly depth: number;
  readonly stack?: readonly string[];
}

type PrestateAccount = { storage?: Record<string, string> };

function fromPrestateDiff(result: unknown): TransactionChanges | undefined {
  const diff = result as { pre?: Record<string, PrestateAccount>; post?: Record<string, PrestateAccount> } | null;
  if (diff === null || typeof diff !== "object" || typeof diff.pre !== "object" || typeof diff.post !== "object") {
    return undefined;
  }
  const changes: TransactionChanges = { storage: new Map(), accounts: new Set() };
  for (const side of ["pre", "post"] as const) {
    for (const [addr, account] of Object.entries(diff[side] ?? {})) {
      const a = addr.toLowerCase();
      changes.accounts.add(a);
      for (const [slot, value] of Object.entries(account?.storage ?? {})) {
        let slots = changes.storage.get(a);
        if (slots === undefined) {
          changes.storage.set(a, (slots = new Map()));
        }
        // A slot in `pre` but not `post` was cleared; `post` values win.
        if (side === "post" || !slots.has(word(slot))) {
          slots.set(word(slot), side === "post" ? word(value) : word("0x0"));
        }
      }
    }
  }
  return changes;
}

const CALLS = new Set(["CALL", "STATICCALL", "DELEGATECALL", "CALLCODE", "CREATE", "CREATE2"]);

interface Write {
  readonly owner: { address: string | undefined };
  readonly slot: string;
  readonly value: string;
}

/**
 * The storage writes of a successful transaction's struct logs that persisted, in order, with the
 * contract each belongs to. Exported for tests.
 */
export function structLogWrites(logs: readonly StructLog[], to: string): Array<{ address: string; slot: string; value: string }> {
  const frames: Array<{ owner: { address: string | undefined }; writes: Write[] }> = [{ owner: { address: to }, writes: [] }];
  for (let i = 0; i < logs.length; i++) {
    const log = logs[i]!;
    const next = logs[i + 1];
    const frame = frames[frames.length - 1]!;
    const stack = log.stack ?? [];
    if (log.op === "SSTORE") {
      frame.writes.push({ owner: frame.owner, slot: word(stack[stack.length - 1]!), value: word(stack[stack.length - 2]!) });
    }
    if (next === undefined) {
      break;
    }
    if (CALLS.has(log.op) && next.depth === log.depth + 1) {
      const owner =
        log.op === "CALL" || log.op === "STATICCALL"
          ? { address: address(stack[stack.length - 2]!) }
          : log.op === "DELEGATECALL" || log.op === "CALLCODE"
            ? frame.owner
            : { address: undefined };
      frames.push({ owner, writes: [] });
      continue;
    }
    // Leaving frames: the caller's next step has the call's result on top of its stack (0 when
    // the frame failed; for a creation, the new contract's address).
    while (frames.length > 1 && next.depth < frames.length) {
      const done = frames.pop()!;
      const result = BigInt((next.stack ?? [])[(next.stack ?? []).length - 1] ?? "0x0");
      if (result !== 0n) {
        if (done.owner.address === undefined) {
          done.owner.address = address(`0x${result.toString(16)}`);
        }
        frames[frames.length - 1]!.writes.push(...done.writes);
      }
    }
  }
  return frames[0]!.writes.map((w) => ({ address: w.owner.address!, slot: w.slot, value: w.value }));
}
