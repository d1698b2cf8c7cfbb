import { MigrationsError, describeError } from "../errors.js";
import type { Eip1193Provider } from "../provider.js";
import { word } from "./trace-storage.js";

/** An account's code, balance, nonce and the given storage slots (zero slots included). */
export interface AccountState {
  readonly code: string;
  readonly balance: string;
  readonly nonce: number;
  readonly storage: Record<string, string>;
}

export type BlockTag = number | "latest";

const tag = (block: BlockTag) => (block === "latest" ? "latest" : `0x${block.toString(16)}`);

/**
 * Reads `slots` of each address (and code, balance, nonce) at `block`. A node that has pruned that
 * block's state fails with SNAPSHOT_STATE_UNAVAILABLE.
 */
export async function readAccounts(
  provider: Eip1193Provider,
  slotsByAddress: ReadonlyMap<string, Iterable<string>>,
  block: BlockTag,
  network: string,
): Promise<Map<string, AccountState>> {
  const at = tag(block);
  const call = async (method: string, params: unknown[]) => {
    try {
      return (await provider.request({ method, params })) as string;
    } catch (error) {
      throw new MigrationsError("SNAPSHOT_STATE_UNAVAILABLE", { network, block: String(block), reason: `${method} failed: ${describeError(error)}` }, { cause: error });
    }
  };
  const result = new Map<string, AccountState>();
  for (const [address, slots] of slotsByAddress) {
    const sorted = [...new Set([...slots].map(word))].sort();
    const [code, balance, nonce, ...values] = await Promise.all([
      call("eth_getCode", [address, at]),
      call("eth_getBalance", [address, at]),
      call("eth_getTransactionCount", [address, at]),
      ...sorted.map((slot) => call("eth_getStorageAt", [address, slot, at])),
    ]);
    const storage: Record<string, string> = {};
    sorted.forEach((slot, i) => (storage[slot] = word(values[i]!)));
    result.set(address, { code: code!.toLowerCase(), balance: `0x${BigInt(balance!).toString(16)}`, nonce: Number(BigInt(nonce!)), storage });
  }
  return result;
}

/** One way two chains' states differ. */
export interface StateDifference {
  readonly address: string;
  readonly names: readonly string[];
  readonly field: "code" | "balance" | "nonce" | "storage";
  readonly slot?: string;
  readonly expected: string;
  readonly actual: string;
}

/** Where `actual` differs from `expected`, over `expected`'s fields and slots. Pure. */
export function diffAccounts(
  expected: ReadonlyMap<string, AccountState>,
  actual: ReadonlyMap<string, AccountState>,
  names: (address: string) => readonly string[] = () => [],
): StateDifference[] {
  const differences: StateDifference[] = [];
  for (const [address, want] of expected) {
    const have = actual.get(address);
    const add = (field: StateDifference["field"], expectedValue: string, actualValue: string, slot?: string) =>
      differences.push({ address, names: names(address), field, ...(slot !== undefined ? { slot } : {}), expected: expectedValue, actual: actualValue });
    if (have === undefined) {
      add("code", want.code, "(not read)");
      continue;
    }
    if (have.code !== want.code) add("code", `${want.code.length / 2 - 1} bytes`, `${have.code.length / 2 - 1} bytes`);
    if (BigInt(have.balance) !== BigInt(want.balance)) add("balance", BigInt(want.balance).toString(), BigInt(have.balance).toString());
    if (have.nonce !== want.nonce) add("nonce", String(want.nonce), String(have.nonce));
    for (const [slot, value] of Object.entries(want.storage)) {
      const other = have.storage[slot] ?? word("0x0");
      if (other !== value) add("storage", value, other, slot);
    }
  }
  return differences;
}

/** One line per difference, for error messages and reports. */
export function formatDifferences(differences: readonly StateDifference[], limit = 20): string {
  const lines = differences.slice(0, limit).map((d) => {
    const who = `${d.names.length > 0 ? `${d.names.join(", ")} ` : ""}${d.address}`;
    return d.field === "storage" ? `  ${who} slot ${d.slot}: expected ${d.expected}, found ${d.actual}` : `  ${who} ${d.field}: expected ${d.expected}, found ${d.actual}`;
  });
  if (differences.length > limit) lines.push(`  … and ${differences.length - limit} more`);
  return lines.join("\n");
}
