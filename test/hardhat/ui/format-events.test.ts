import { expect } from "chai";

import type { MigrationFile } from "../../../src/core/migration-file.js";
import { formatDuration, formatEvent, formatGas } from "../../../src/hardhat/ui/format-events.js";

const migration: MigrationFile = { id: 1, purpose: "token", fileName: "1_token.ts", path: "/m/1_token.ts", contentHash: "0x" };
const network = { name: "sepolia", chainId: 11155111 };

describe("formatEvent", () => {
  it("says when there is nothing to migrate", () => {
    expect(formatEvent({ type: "plan", network, pending: [], completed: 4, store: "Migrator 0x1" })).to.deep.equal([
      "Nothing to migrate on sepolia (chain 11155111): 4 migration(s) already completed.",
    ]);
  });

  it("prints a deployment with its address and gas, and logs indented", () => {
    const deployment = { name: "Token", address: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", artifact: "a:Token", transactionHash: "0x", gasUsed: 1234567n, migration: 1 };
    expect(formatEvent({ type: "deployment", migration, deployment })).to.deep.equal([
      "  Token                0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512  gas 1,234,567",
    ]);
    expect(formatEvent({ type: "log", migration, message: "a\nb" })).to.deep.equal(["  | a", "  | b"]);
  });

  it("formats gas and durations for people", () => {
    expect(formatGas(28557n)).to.equal("28,557");
    expect(formatDuration(12.4)).to.equal("12 ms");
    expect(formatDuration(1534)).to.equal("1.53 s");
  });
});
