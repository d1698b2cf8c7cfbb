import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import type { ChainInfo } from "../../../src/core/chain.js";
import { parseJournal } from "../../../src/core/journal/journal-entry.js";
import { FileJournalStorage, MemoryJournalStorage } from "../../../src/core/journal/journal-storage.js";
import { Journal } from "../../../src/core/journal/journal.js";
import { tempDir } from "../../helpers/temp.js";

const live: ChainInfo = { chainId: 5, genesisHash: "0xaaaa", clientVersion: "Geth/v1", isDevChain: false };
const dev: ChainInfo = { ...live, clientVersion: "HardhatNetwork/3", isDevChain: true };
const step = { from: "0x01", to: null, data: "0xdd", value: "0", kind: "call" as const };

async function fileJournal(chain = live) {
  const file = path.join(await tempDir("hhm-journal-"), "5.journal.jsonl");
  return { file, storage: new FileJournalStorage(file, true), journal: await Journal.open(new FileJournalStorage(file, true), chain) };
}

describe("the journal", () => {
  it("writes a header, then one sorted JSON object per line", async () => {
    const { file, journal } = await fileJournal();
    await journal.migrationStarted(1, "1_a.ts", "0x11");
    await journal.append({ type: "tx-sending", migration: 1, step: 0, nonce: 7, block: 3, ...step });
    const lines = (await readFile(file, "utf8")).trimEnd().split("\n");
    expect(JSON.parse(lines[0]!)).to.deep.equal({ type: "header", format: "hardhat-migrations/journal@1", chainId: 5, genesisHash: "0xaaaa" });
    expect(lines[2]).to.equal('{"block":3,"data":"0xdd","from":"0x01","kind":"call","migration":1,"nonce":7,"step":0,"to":null,"type":"tx-sending","value":"0"}');
  });

  it("folds into interrupted migrations with their steps, and forgets completed, rolled-back and force-cleaned ones", async () => {
    const { storage, journal } = await fileJournal();
    for (const id of [1, 2, 3, 4]) {
      await journal.migrationStarted(id, `${id}_m.ts`, "0x11");
      await journal.append({ type: "tx-sending", migration: id, step: 0, nonce: id, block: 1, ...step });
      await journal.append({ type: "tx-sent", migration: id, step: 0, hash: `0x${id}`, nonce: id });
    }
    await journal.append({ type: "tx-mined", migration: 1, step: 0, hash: "0x1", block: 2, status: 1 });
    await journal.append({ type: "migration-failed", migration: 1, reason: "boom" });
    await journal.append({ type: "migration-completed", migration: 2 });
    await journal.append({ type: "migration-rolled-back", migration: 3 });
    await journal.append({ type: "migration-force-cleaned", migration: 4 });

    const reopened = await Journal.open(storage, live);
    const interrupted = reopened.interrupted();
    expect([...interrupted.keys()]).to.deep.equal([1]);
    expect(interrupted.get(1)!.failure).to.equal("boom");
    expect(interrupted.get(1)!.steps.get(0)).to.deep.include({ nonce: 1, hashes: ["0x1"], mined: { hash: "0x1", block: 2, status: 1 } });
  });

  it("ignores and cuts off a torn last line, and keeps appending cleanly", async () => {
    const { file, storage, journal } = await fileJournal();
    await journal.migrationStarted(1, "1_a.ts", "0x11");
    await writeFile(file, (await readFile(file, "utf8")) + '{"type":"tx-sen', { flag: "w" });
    expect(parseJournal(await readFile(file, "utf8")).tornTail).to.equal(true);

    const reopened = await Journal.open(storage, live);
    expect([...reopened.interrupted().keys()]).to.deep.equal([1]);
    await reopened.append({ type: "migration-completed", migration: 1 });
    const parsed = parseJournal(await readFile(file, "utf8"));
    expect(parsed.tornTail).to.equal(false);
    expect(parsed.corrupt).to.equal(undefined);
    expect(parsed.entries.map((e) => e.type)).to.deep.equal(["header", "migration-started", "migration-completed"]);
  });

  it("refuses a damaged line that is not the last, leaving the file untouched", async () => {
    const { file, storage, journal } = await fileJournal();
    await journal.migrationStarted(1, "1_a.ts", "0x11");
    const text = (await readFile(file, "utf8")).replace('"migration-started"', '"migration-started"}}');
    await writeFile(file, `${text}{"type":"migration-completed","migration":1,"at":"x"}\n`);
    try {
      await Journal.open(storage, live);
      expect.fail("it opened");
    } catch (error) {
      expect((error as { code?: string }).code).to.equal("JOURNAL_CORRUPT");
      expect((error as Error).message).to.contain("line 2");
    }
    expect(await readFile(file, "utf8")).to.contain("}}");
  });

  it("refuses another chain's journal; a restarted dev node's is archived with a notice", async () => {
    const { file, storage, journal } = await fileJournal();
    await journal.migrationStarted(1, "1_a.ts", "0x11");
    for (const chain of [{ ...live, chainId: 6 }, { ...live, genesisHash: "0xbbbb" }]) {
      try {
        await Journal.open(storage, chain);
        expect.fail("it opened");
      } catch (error) {
        expect((error as { code?: string }).code).to.equal("JOURNAL_WRONG_CHAIN");
      }
    }
    const notices: string[] = [];
    const restarted = await Journal.open(storage, { ...dev, genesisHash: "0xcccc" }, { notice: (m) => notices.push(m) });
    expect(restarted.interrupted().size).to.equal(0);
    expect(notices[0]).to.contain("dev chain was restarted").and.to.contain(".stale-");
    expect(await readFile(file, "utf8").catch(() => "gone")).to.equal("gone");
  });

  it("removes secrets from failure reasons before writing them", async () => {
    const storage = new MemoryJournalStorage();
    const journal = await Journal.open(storage, live, { redact: (text) => text.replace("hunter2", "<redacted>") });
    await journal.migrationStarted(1, "1_a.ts", "0x11");
    await journal.append({ type: "migration-failed", migration: 1, reason: "bad password hunter2" });
    expect(await storage.read()).to.contain("bad password <redacted>").and.not.to.contain("hunter2");
  });
});
