import { parseJournal } from "../journal/journal-entry.js";

/** A contract the journal saw created: a mined, successful creation step of a migration. */
export interface JournaledCreation {
  readonly migration: number;
  readonly step: number;
  readonly address: string;
  readonly transactionHash: string;
  readonly blockNumber: number;
  readonly from: string;
}

/** The whole text of a journal, line by line (the journal's storage streams its lines). */
export async function journalText(storage: { lines(): AsyncIterable<string> }): Promise<string> {
  let text = "";
  for await (const line of storage.lines()) {
    text += line;
  }
  return text;
}

/** What a chain's journal says was done on it, whatever the registry says. */
export interface JournalKnowledge {
  /** The Migrator's deployment (pseudo migration 0), when it was mined. */
  readonly migrator?: JournaledCreation;
  /** Migrations whose last journaled outcome is `migration-completed` (0, the Migrator, excluded). */
  readonly completed: ReadonlySet<number>;
  /** Creations of completed migrations, in journal order. */
  readonly creations: readonly JournaledCreation[];
}

/**
 * Folds journal text into what it knows about finished work: the Migrator's address, the
 * migrations that completed, and the contracts they created (from the mined receipts' contract
 * addresses). Pure; unreadable lines are skipped (the journal's own reader reports damage).
 */
export function journalKnowledge(text: string): JournalKnowledge {
  const senders = new Map<string, string>();
  const creations = new Map<number, JournaledCreation[]>();
  const outcome = new Map<number, string>();
  for (const entry of parseJournal(text).entries) {
    switch (entry.type) {
      case "migration-started":
        // A new attempt: what an abandoned one created no longer counts.
        if (outcome.get(entry.migration) !== "migration-completed") creations.delete(entry.migration);
        outcome.set(entry.migration, entry.type);
        break;
      case "tx-sending":
        if (entry.to === null) senders.set(`${entry.migration}:${entry.step}`, entry.from);
        break;
      case "tx-mined": {
        const from = senders.get(`${entry.migration}:${entry.step}`);
        if (entry.status === 1 && entry.contractAddress !== undefined && from !== undefined) {
          const list = creations.get(entry.migration) ?? [];
          creations.set(entry.migration, [
            ...list.filter((c) => c.step !== entry.step),
            { migration: entry.migration, step: entry.step, address: entry.contractAddress, transactionHash: entry.hash, blockNumber: entry.block, from },
          ]);
        }
        break;
      }
      case "migration-completed":
      case "migration-failed":
      case "migration-rolled-back":
      case "migration-force-cleaned":
        outcome.set(entry.migration, entry.type);
        break;
      default:
        break;
    }
  }
  const done = [...outcome].filter(([, type]) => type === "migration-completed").map(([id]) => id);
  const migrator = done.includes(0) ? creations.get(0)?.at(-1) : undefined;
  return {
    ...(migrator !== undefined ? { migrator } : {}),
    completed: new Set(done.filter((id) => id !== 0)),
    creations: done.filter((id) => id !== 0).flatMap((id) => creations.get(id) ?? []),
  };
}
