import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import type { ChainInfo } from "../../../src/core/chain.js";
import { FileStateStore } from "../../../src/core/stores/file-state-store.js";
import { NoneStateStore } from "../../../src/core/stores/none-state-store.js";
import { tempDir } from "../../helpers/temp.js";
import { describeForgetfulStoreConformance, describeStateStoreConformance } from "./state-store-conformance.js";

const chain: ChainInfo = { chainId: 11155111, genesisHash: "0x25a5", clientVersion: "Geth", isDevChain: false };

async function newFileStore(): Promise<FileStateStore> {
  return new FileStateStore(path.join(await tempDir(), `${chain.chainId}.migrations.json`), chain, async () => 42);
}

describeStateStoreConformance("FileStateStore", newFileStore);
describeForgetfulStoreConformance("NoneStateStore", async () => new NoneStateStore());

describe("FileStateStore", () => {
  it("writes stable JSON with the chain, ids, hashes, head block and time", async () => {
    const store = await newFileStore();
    await store.record(1, `0x${"aa".repeat(32)}`);
    const doc = JSON.parse(await readFile(store.file, "utf8")) as Record<string, unknown>;
    expect(doc).to.deep.include({ chainId: 11155111, genesisHash: "0x25a5", format: "hardhat-migrations/state@1" });
    const [record] = doc.migrations as Array<Record<string, unknown>>;
    expect(record).to.include({ id: 1, blockNumber: 42, contentHash: `0x${"aa".repeat(32)}` });
    expect(record!.recordedAt).to.match(/^\d{4}-\d\d-\d\dT/);
  });

  it("refuses a file of another chain, and a corrupt one, leaving them untouched", async () => {
    const store = await newFileStore();
    await writeFile(store.file, JSON.stringify({ format: "hardhat-migrations/state@1", chainId: 1, genesisHash: "0xd4e5", migrations: [] }));
    const error = await store.completed().catch((e: Error & { code?: string }) => e);
    expect((error as { code?: string }).code).to.equal("STATE_FILE_WRONG_CHAIN");
    await writeFile(store.file, "{");
    const corrupt = await store.record(1, "0x").catch((e: Error & { code?: string }) => e);
    expect((corrupt as { code?: string }).code).to.equal("STATE_FILE_CORRUPT");
    expect(await readFile(store.file, "utf8")).to.equal("{");
  });
});
