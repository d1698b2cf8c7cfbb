import { writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import type { ChainInfo } from "../../src/core/chain.js";
import { FileSnapshotJournal } from "../../src/core/snapshot-journal.js";
import { tempDir } from "../helpers/fixture.js";

const chain: ChainInfo = { chainId: 31337, genesisHash: "0xaaaa", clientVersion: "HardhatNetwork/3", isDevChain: true, instanceId: "0x01" };

describe("the dev-chain snapshot list (deployments/<chainId>.snapshots.json)", () => {
  it("keeps snapshot ids across runs of the same node, and ignores another node run's", async () => {
    const file = path.join(await tempDir("hhm-snapshots-"), "31337.snapshots.json");
    await new FileSnapshotJournal(file, chain).save(new Map([[1, "0x1"], [2, "0x2"]]));
    expect(await new FileSnapshotJournal(file, chain).load()).to.deep.equal(new Map([[1, "0x1"], [2, "0x2"]]));
    expect(await new FileSnapshotJournal(file, { ...chain, instanceId: "0x02" }).load()).to.deep.equal(new Map());
  });

  for (const [what, content, reason] of [
    ["cut off", '{"format":"hardhat-migrations/snapshots@1","snapsh', "it is not JSON"],
    ["not a snapshot list", "[1, 2]\n", 'it is not a "hardhat-migrations/snapshots@1" document'],
    ["a list with a bad entry", JSON.stringify({ format: "hardhat-migrations/snapshots@1", chainId: 31337, genesisHash: "0xaaaa", instanceId: "0x01", snapshots: { one: 5 } }), 'its entry "one" is not a migration id with a snapshot id'],
  ] as const) {
    it(`reports a file that is ${what} (HHM255) instead of ignoring it`, async () => {
      const file = path.join(await tempDir("hhm-snapshots-"), "31337.snapshots.json");
      await writeFile(file, content);
      try {
        await new FileSnapshotJournal(file, chain).load();
        expect.fail("a damaged snapshot list was read as empty");
      } catch (error) {
        expect((error as { code?: string }).code).to.equal("SNAPSHOTS_FILE_CORRUPT");
        expect((error as Error).message).to.contain(`HHM255: The dev-chain snapshot list ${file} cannot be read: ${reason}`);
      }
    });
  }
});
