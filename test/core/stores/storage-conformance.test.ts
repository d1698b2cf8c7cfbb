import path from "node:path";

import { expect } from "chai";

import type { ChainInfo } from "../../../src/core/chain.js";
import { FileJournalStorage, MemoryJournalStorage, type JournalStorage } from "../../../src/core/journal/journal-storage.js";
import { FileRegistryStorage } from "../../../src/core/registry/file-registry-storage.js";
import { MemoryRegistryStorage } from "../../../src/core/registry/memory-registry-storage.js";
import type { RegistryDocument } from "../../../src/core/registry/registry-document.js";
import type { RegistryStorage } from "../../../src/core/registry/registry-storage.js";
import { FileSnapshotJournal, MemorySnapshotJournal, type SnapshotJournal } from "../../../src/core/snapshot-journal.js";
import { tempDir } from "../../helpers/temp.js";

/**
 * Every File/Memory pair of the persistent pieces behaves the same through its interface: what
 * the engine sees does not depend on where a chain's state is kept.
 */
const chain: ChainInfo = { chainId: 31337, genesisHash: `0x${"ab".repeat(32)}`, clientVersion: "HardhatNetwork/3", isDevChain: true, instanceId: "0x01" };
const doc = (n: number) => ({ format: "hardhat-migrations/registry@1", chainId: 31337, contracts: { [`T${n}`]: { address: `0x${"11".repeat(20)}` } } }) as unknown as RegistryDocument;

const registries: Record<string, () => Promise<RegistryStorage>> = {
  MemoryRegistryStorage: async () => new MemoryRegistryStorage(),
  FileRegistryStorage: async () => new FileRegistryStorage(path.join(await tempDir(), "31337.json")),
};
for (const [name, create] of Object.entries(registries)) {
  describe(`${name} (registry storage conformance)`, () => {
    it("loads nothing before the first save", async () => {
      expect(await (await create()).load()).to.equal(undefined);
    });
    it("loads what was saved last, as a copy the caller cannot change in place", async () => {
      const storage = await create();
      await storage.save(doc(1));
      await storage.save(doc(2));
      const loaded = (await storage.load()) as { contracts: Record<string, unknown> };
      expect(loaded).to.deep.equal(doc(2));
      loaded.contracts.Changed = {};
      expect(await storage.load()).to.deep.equal(doc(2));
    });
    it("after archive, loads nothing and can be saved again", async () => {
      const storage = await create();
      await storage.save(doc(1));
      await storage.archive("reset-1");
      expect(await storage.load()).to.equal(undefined);
      await storage.save(doc(3));
      expect(await storage.load()).to.deep.equal(doc(3));
    });
    it("archives nothing (and does not fail) when nothing was saved", async () => {
      expect(await (await create()).archive("reset-1")).to.equal(undefined);
    });
  });
}

const journals: Record<string, () => Promise<JournalStorage>> = {
  MemoryJournalStorage: async () => new MemoryJournalStorage(),
  FileJournalStorage: async () => new FileJournalStorage(path.join(await tempDir(), "31337.journal.jsonl"), false),
};
const linesOf = async (storage: JournalStorage): Promise<string[]> => {
  const lines: string[] = [];
  for await (const line of storage.lines()) {
    lines.push(line);
  }
  return lines;
};
for (const [name, create] of Object.entries(journals)) {
  describe(`${name} (journal storage conformance)`, () => {
    it("holds no line before the first append", async () => {
      const storage = await create();
      expect(await linesOf(storage)).to.deep.equal([]);
      expect(await storage.size()).to.equal(0);
    });
    it("only ever appends, in order, and counts its size in bytes", async () => {
      const storage = await create();
      await storage.append('{"a":1}\n');
      await storage.append('{"b":"é"}\n');
      expect(await linesOf(storage)).to.deep.equal(['{"a":1}\n', '{"b":"é"}\n']);
      expect(await storage.size()).to.equal(Buffer.byteLength('{"a":1}\n{"b":"é"}\n'));
    });
    it("after archive, holds no line and starts anew", async () => {
      const storage = await create();
      await storage.append("old\n");
      await storage.archive("done-1");
      expect(await linesOf(storage)).to.deep.equal([]);
      await storage.append("new\n");
      expect(await linesOf(storage)).to.deep.equal(["new\n"]);
    });
  });
}

const snapshotJournals: Record<string, () => Promise<SnapshotJournal>> = {
  MemorySnapshotJournal: async () => new MemorySnapshotJournal(),
  FileSnapshotJournal: async () => new FileSnapshotJournal(path.join(await tempDir(), "31337.snapshots.json"), chain),
};
for (const [name, create] of Object.entries(snapshotJournals)) {
  describe(`${name} (snapshot journal conformance)`, () => {
    it("loads an empty map before the first save", async () => {
      expect((await (await create()).load()).size).to.equal(0);
    });
    it("loads the snapshot ids saved last, by migration id, including large ids", async () => {
      const journal = await create();
      await journal.save(new Map([[1, "0x1"]]));
      await journal.save(new Map([[1, "0x1"], [1_700_000_000_000, "0x2"]]));
      expect([...(await journal.load())]).to.deep.equal([[1, "0x1"], [1_700_000_000_000, "0x2"]]);
    });
    it("returns a map the caller can change without changing what is stored", async () => {
      const journal = await create();
      await journal.save(new Map([[1, "0x1"]]));
      (await journal.load()).set(2, "0x2");
      expect((await journal.load()).has(2)).to.equal(false);
    });
  });
}

describe("FileSnapshotJournal", () => {
  it("ignores ids saved while another run of the node (another instance id) was up", async () => {
    const file = path.join(await tempDir(), "31337.snapshots.json");
    await new FileSnapshotJournal(file, chain).save(new Map([[1, "0x1"]]));
    expect((await new FileSnapshotJournal(file, { ...chain, instanceId: "0x02" }).load()).size).to.equal(0);
  });
});
