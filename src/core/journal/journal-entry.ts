/** Identifies the format of a journal file (its first line). */
export const JOURNAL_FORMAT = "hardhat-migrations/journal@1";

/**
 * What a transaction step is, compared on resume: the same sender, target, calldata and value
 * mean the re-run is at the same point of the script.
 */
export interface StepFingerprint {
  /** Lower-case sender address. */
  readonly from: string;
  /** Lower-case target, `null` for a contract creation. */
  readonly to: string | null;
  /** keccak256 of the calldata (the journal never holds the calldata itself). */
  readonly data: string;
  /** Wei, as a decimal string. */
  readonly value: string;
  /** `record` for the bookkeeping transaction of the state store, else `call`. */
  readonly kind: "call" | "record";
}

/** One line of the journal. Every line names the migration it belongs to, except the header. */
export type JournalEntry =
  | { readonly type: "header"; readonly format: string; readonly chainId: number; readonly genesisHash: string }
  | { readonly type: "migration-started"; readonly migration: number; readonly file: string; readonly contentHash: string; readonly at: string }
  | ({
      readonly type: "tx-sending";
      readonly migration: number;
      readonly step: number;
      readonly nonce: number;
      /** The chain's head when it was sent: where a lookup by nonce starts. */
      readonly block: number;
    } & StepFingerprint)
  | { readonly type: "tx-sent"; readonly migration: number; readonly step: number; readonly hash: string; readonly nonce: number }
  /** A fee-bumped replacement (same nonce) of the step's transaction. */
  | { readonly type: "tx-replaced"; readonly migration: number; readonly step: number; readonly hash: string; readonly nonce: number }
  | {
      readonly type: "tx-mined";
      readonly migration: number;
      readonly step: number;
      readonly hash: string;
      readonly block: number;
      readonly status: number;
      readonly contractAddress?: string;
    }
  /** The send itself failed (nothing reached the chain). */
  | { readonly type: "tx-failed"; readonly migration: number; readonly step: number; readonly reason: string }
  | { readonly type: "migration-completed"; readonly migration: number; readonly at: string }
  | { readonly type: "migration-failed"; readonly migration: number; readonly reason: string; readonly at: string }
  | { readonly type: "migration-rolled-back"; readonly migration: number; readonly at: string }
  | { readonly type: "migration-force-cleaned"; readonly migration: number; readonly at: string };

export type JournalEntryType = JournalEntry["type"];

const TYPES: ReadonlySet<string> = new Set<JournalEntryType>([
  "header",
  "migration-started",
  "tx-sending",
  "tx-sent",
  "tx-replaced",
  "tx-mined",
  "tx-failed",
  "migration-completed",
  "migration-failed",
  "migration-rolled-back",
  "migration-force-cleaned",
]);

/**
 * Parses one line of a journal (without its "\n"): `blank` for an empty line, `not-json` or
 * `not-entry` for damage.
 */
export function parseJournalLine(line: string): JournalEntry | "blank" | "not-json" | "not-entry" {
  if (line.trim() === "") {
    return "blank";
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return "not-json";
  }
  const type = (parsed as { type?: unknown } | null)?.type;
  if (typeof type !== "string" || !TYPES.has(type)) {
    return "not-entry";
  }
  return parsed as JournalEntry;
}

/**
 * Parses journal text. Only the last line may be torn (a process killed while appending): it is
 * ignored. A bad line anywhere else means the file was damaged by something else: `corrupt` says
 * which line.
 */
export function parseJournal(text: string): { entries: JournalEntry[]; tornTail: boolean; corrupt?: string } {
  const lines = text.split("\n");
  const endsClean = text === "" || text.endsWith("\n");
  if (endsClean) {
    lines.pop();
  }
  const entries: JournalEntry[] = [];
  for (const [index, line] of lines.entries()) {
    const parsed = parseJournalLine(line);
    if (parsed === "blank") {
      continue;
    }
    if (parsed === "not-json") {
      if (index === lines.length - 1 && !endsClean) {
        return { entries, tornTail: true };
      }
      return { entries, tornTail: false, corrupt: `line ${index + 1} is not JSON` };
    }
    if (parsed === "not-entry") {
      return { entries, tornTail: false, corrupt: `line ${index + 1} is not a journal entry` };
    }
    entries.push(parsed);
  }
  return { entries, tornTail: false };
}
