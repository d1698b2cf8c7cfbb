import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import type { ChainInfo } from "../../../src/core/chain.js";
import { parseJournal } from "../../../src/core/journal/journal-entry.js";
import { FileJournalStorage, MemoryJournalStorage } from "../../../src/core/journal/journal-storage.js";
import { Journal } from "../../../src/core/journal/journal.js";
import { tempDir } from "../../helpers/temp.js";
import { fillDisk, mountTmpfs } from "../../helpers/tmpfs.js";

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

describe("the journal on a disk that fills up (a real 64 KiB tmpfs, not an injected error)", () => {
  let disk: Awaited<ReturnType<typeof mountTmpfs>>;
  before(async function () {
    disk = await mountTmpfs(64);
    if (disk === undefined) {
      this.skip(); // needs root to mount a tmpfs
    }
  });
  after(() => disk?.unmount());

  it("refuses an entry the disk takes only part of (a short write) with HHM250, and leaves no half line behind", async () => {
    const file = path.join(disk!.dir, "5.journal.jsonl");
    const storage = new FileJournalStorage(file, true);
    const journal = await Journal.open(storage, live);
    await journal.migrationStarted(1, "1_a.ts", "0x11");
    // Grow the journal to 30 bytes short of a page: the next entry fits only partly in it.
    const size = (await readFile(file)).length;
    const overhead = Buffer.byteLength(JSON.stringify({ at: "2026-01-01T00:00:00.000Z", migration: 1, reason: "", type: "migration-failed" }) + "\n");
    await journal.append({ type: "migration-failed", migration: 1, reason: "x".repeat(4096 - 30 - size - overhead) });
    expect((await readFile(file)).length).to.equal(4096 - 30);
    await fillDisk(disk!.dir);
    const before = await readFile(file, "utf8");

    try {
      await journal.append({ type: "tx-sending", migration: 1, step: 0, nonce: 7, block: 3, ...step });
      expect.fail("the append resolved although the entry is not on disk");
    } catch (error) {
      expect((error as { code?: string }).code).to.equal("JOURNAL_WRITE_FAILED");
      expect((error as Error).message).to.equal(
        `HHM250: Could not write to the journal ${file}: ENOSPC (no space left on device). The run stopped: nothing more is sent while the journal cannot be written.`,
      );
      expect((error as { hint?: string }).hint).to.contain(`The disk holding ${disk!.dir} is full: free some space there.`);
    }
    expect(await readFile(file, "utf8")).to.equal(before);
    expect((await Journal.open(storage, live)).interrupted().get(1)!.steps.size).to.equal(0);
  });
});

describe("the journal written by others", () => {
  it("starts the next entry on a line of its own when the last line lost its newline (an editor, git)", async () => {
    const { file, storage, journal } = await fileJournal();
    await journal.migrationStarted(1, "1_a.ts", "0x11");
    await writeFile(file, (await readFile(file, "utf8")).trimEnd());

    const reopened = await Journal.open(storage, live);
    await reopened.append({ type: "migration-completed", migration: 1 });
    await reopened.migrationStarted(2, "2_b.ts", "0x22");
    const parsed = parseJournal(await readFile(file, "utf8"));
    expect(parsed.corrupt).to.equal(undefined);
    expect(parsed.entries.map((e) => e.type)).to.deep.equal(["header", "migration-started", "migration-completed", "migration-started"]);
    expect([...(await Journal.open(storage, live)).interrupted().keys()]).to.deep.equal([2]);
  });
});

describe("journal compaction", () => {
  async function busyJournal() {
    const { file, storage, journal } = await fileJournal();
    for (const id of [1, 2, 3]) {
      await journal.migrationStarted(id, `${id}_m.ts`, "0x11");
      for (let s = 0; s < 20; s++) {
        await journal.append({ type: "tx-sending", migration: id, step: s, nonce: id * 100 + s, block: 1, ...step });
        await journal.append({ type: "tx-sent", migration: id, step: s, hash: `0x${id}${s}`, nonce: id * 100 + s });
        await journal.append({ type: "tx-mined", migration: id, step: s, hash: `0x${id}${s}`, block: 2, status: 1 });
      }
      await journal.append({ type: "migration-completed", migration: id });
    }
    // Migration 4: failed once on this live chain, then resumed and killed.
    await journal.migrationStarted(4, "4_m.ts", "0x44");
    await journal.append({ type: "tx-sending", migration: 4, step: 0, nonce: 400, block: 5, ...step });
    await journal.append({ type: "tx-sent", migration: 4, step: 0, hash: "0x40", nonce: 400 });
    await journal.append({ type: "tx-mined", migration: 4, step: 0, hash: "0x40", block: 6, status: 1 });
    await journal.append({ type: "migration-failed", migration: 4, reason: "boom" });
    await journal.append({ type: "tx-sending", migration: 4, step: 1, nonce: 401, block: 7, ...step });
    await journal.append({ type: "tx-sent", migration: 4, step: 1, hash: "0x41", nonce: 401 });
    return { file, storage };
  }

  it("drops only finished migrations' send lines, and a resume sees the same interrupted steps", async () => {
    const { file, storage } = await busyJournal();
    const before = (await Journal.open(storage, live, { readOnly: true })).interrupted();
    const sizeBefore = (await readFile(file)).length;
    const notices: string[] = [];

    await Journal.open(storage, live, { compactAbove: 0, notice: (m) => notices.push(m) });

    const after = parseJournal(await readFile(file, "utf8"));
    expect(after.corrupt).to.equal(undefined);
    expect(after.entries.filter((e) => e.type === "tx-sending" || e.type === "tx-sent").map((e) => (e as { migration: number }).migration)).to.deep.equal([4, 4, 4, 4]);
    expect(after.entries.filter((e) => e.type === "tx-mined")).to.have.length(61);
    expect(after.entries.filter((e) => e.type === "migration-completed")).to.have.length(3);
    expect((await readFile(file)).length).to.be.below(sizeBefore * 0.6);
    expect(notices).to.have.length(1);
    expect(notices[0]).to.match(/^Compacted the journal .* \(\d+ to \d+ bytes\): 120 line\(s\) of finished migrations' transactions were dropped/);

    const resumed = await Journal.open(storage, live);
    expect(resumed.interrupted()).to.deep.equal(before);
    expect([...resumed.interrupted().get(4)!.steps.values()].map((s) => s.hashes)).to.deep.equal([["0x40"], ["0x41"]]);
    await resumed.append({ type: "tx-mined", migration: 4, step: 1, hash: "0x41", block: 8, status: 1 });
    await resumed.append({ type: "migration-completed", migration: 4 });
    expect((await Journal.open(storage, live)).interrupted().size).to.equal(0);
  });

  it("leaves a journal below the size limit, or one with nothing to drop, as it is", async () => {
    const { file, storage } = await busyJournal();
    const text = await readFile(file, "utf8");
    await Journal.open(storage, live);
    expect(await readFile(file, "utf8")).to.equal(text);
  });
});
