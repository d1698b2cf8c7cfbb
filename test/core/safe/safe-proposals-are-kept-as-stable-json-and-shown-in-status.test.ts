import { readFile, readdir } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { ZeroAddress } from "ethers";

import { FileSafeProposalStorage } from "../../../src/core/safe/file-safe-proposal-storage.js";
import type { SafeProposal } from "../../../src/core/safe/safe-proposal.js";
import { withSafeProposals } from "../../../src/core/safe/safe-status.js";
import { safeTransaction } from "../../../src/core/safe/safe-transaction.js";
import { transactionBuilderBatch } from "../../../src/core/safe/transaction-builder-file.js";
import { FileChainWorkspace } from "../../../src/core/workspace/file-chain-workspace.js";
import { tempDir } from "../../helpers/temp.js";

const SAFE = "0x3848E1B6e6efb0267CD64145D41030aD3D02Fbbd";
const BOX = "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707";

const proposal = (migration: number, index: number): SafeProposal => ({
  migration,
  fileName: `${migration}_x.js`,
  index,
  safe: SAFE,
  chainId: 1,
  transaction: safeTransaction({ to: BOX, value: "0", data: "0x55241077" }, 4),
  safeTxHash: `0x${String(migration).repeat(64)}`,
  description: "Box.setValue(42)",
  batchFile: "f.json",
  proposedAt: "2026-12-01T00:00:00.000Z",
  proposedAtBlock: 10,
  proposedAtBlockHash: `0x${"ab".repeat(32)}`,
  threshold: 2,
  owners: [ZeroAddress],
  state: "awaiting-approval",
});

describe("Safe proposals are kept as stable JSON in the chain's workspace and shown by status", () => {
  it("the file workspace keeps them in <chainId>.safe.json, sorted by migration and call, and Transaction Builder files under safe/", async () => {
    const dir = await tempDir();
    const workspace = new FileChainWorkspace(dir, { chainId: 1, genesisHash: "0x00", clientVersion: undefined, isDevChain: false });
    const storage = workspace.safeProposals;
    expect(await storage.load()).to.deep.equal([]);
    await storage.save([proposal(3, 0), proposal(2, 1), proposal(2, 0)]);
    const text = await readFile(path.join(dir, "1.safe.json"), "utf8");
    expect(text.endsWith("}\n")).to.equal(true);
    expect((await storage.load()).map((p) => [p.migration, p.index])).to.deep.equal([[2, 0], [2, 1], [3, 0]]);
    await storage.save(await storage.load());
    expect(await readFile(path.join(dir, "1.safe.json"), "utf8")).to.equal(text);

    const batch = transactionBuilderBatch(1, SAFE, [{ to: BOX, value: "0", data: "0x55241077" }], { name: "2_x.js #1", description: "d", createdAt: new Date(0) });
    const file = await storage.writeBatchFile("migration-2-1", batch);
    expect(file).to.equal(path.join(dir, "safe", "1-migration-2-1.json"));
    expect(JSON.parse(await readFile(file, "utf8"))).to.deep.equal({
      chainId: "1",
      createdAt: 0,
      meta: { createdFromOwnerAddress: "", createdFromSafeAddress: SAFE, description: "d", name: "2_x.js #1", txBuilderVersion: "1.16.5" },
      transactions: [{ contractInputsValues: null, contractMethod: null, data: "0x55241077", to: BOX, value: "0" }],
      version: "1.0",
    });
    expect((await readdir(path.join(dir, "safe"))).filter((name) => name.endsWith(".tmp"))).to.deep.equal([]);
    expect(new FileSafeProposalStorage(path.join(dir, "1.safe.json"), path.join(dir, "safe"), 1).location).to.equal(path.join(dir, "1.safe.json"));
  });

  it("status marks a pending or interrupted migration with a proposal as awaiting-approval, and leaves completed ones alone", async () => {
    const dir = await tempDir();
    const storage = new FileSafeProposalStorage(path.join(dir, "1.safe.json"), path.join(dir, "safe"), 1);
    await storage.save([proposal(2, 0), proposal(3, 0)]);
    const rows = await withSafeProposals(
      [
        { id: 1, state: "up" },
        { id: 2, state: "interrupted" },
        { id: 3, state: "up" },
        { id: 4, state: "pending" },
      ],
      storage,
    );
    expect(rows.map((row) => row.state)).to.deep.equal(["up", "awaiting-approval", "up", "pending"]);
    expect(rows[1]).to.deep.include({ awaitingApproval: { safe: SAFE, safeTxHash: proposal(2, 0).safeTxHash, nonce: 4, batchFile: "f.json", proposedAt: "2026-12-01T00:00:00.000Z", description: "Box.setValue(42)", state: "awaiting-approval" } });
  });
});
