import { expect } from "chai";

import type { MigrationEvent } from "../../src/core/events.js";
import type { MigrationFile } from "../../src/core/migration-file.js";
import { ConsoleReporter } from "../../src/hardhat/ui/console-reporter.js";
import { colorEnabled } from "../../src/hardhat/ui/colors.js";

const migration: MigrationFile = { id: 1, purpose: "token", fileName: "1_token.ts", path: "/m/1_token.ts", contentHash: "0x" };
const network = { name: "sepolia", chainId: 11155111 };
const HASH = `0x${"ab".repeat(32)}`;

function capture(isTTY: boolean, options: { simulation?: boolean; noColor?: boolean } = {}) {
  let text = "";
  const reporter = new ConsoleReporter({ output: { isTTY, write: (chunk: string) => (text += chunk) }, ...options });
  return { reporter, text: () => text };
}

const result = { network, store: "Migrator 0x1", registry: "deployments/11155111.json", migrations: [], deployments: [], gasUsed: 1_000_000n, durationMs: 10 };

describe("the console reporter", () => {
  it("in a terminal, updates one waiting line in place and clears it before the next line", () => {
    const { reporter, text } = capture(true, { noColor: true });
    reporter.onEvent({ type: "tx-waiting", hash: HASH, elapsedMs: 0, blocks: 0, confirmations: 0, required: 1 });
    reporter.onEvent({ type: "tx-waiting", hash: HASH, elapsedMs: 1000, blocks: 1, confirmations: 0, required: 1 });
    reporter.onEvent({ type: "notice", message: "next" });
    expect(text()).to.equal(
      "\r\u001b[2K    waiting for 0xabababab…: 0.0 s, 0 block(s), 0/1 confirmation(s)" +
        "\r\u001b[2K    waiting for 0xabababab…: 1.0 s, 1 block(s), 0/1 confirmation(s)" +
        "\r\u001b[2KNotice: next\n",
    );
  });

  it("in a pipe, prints a waiting line when the wait starts, on each confirmation, then every 10 s", () => {
    const { reporter, text } = capture(false);
    for (const [elapsedMs, confirmations] of [[0, 0], [1000, 0], [2000, 1], [3000, 1], [13_000, 1]] as const) {
      reporter.onEvent({ type: "tx-waiting", hash: HASH, elapsedMs, blocks: 0, confirmations, required: 2 });
    }
    expect(text().split("\n").filter((l) => l !== "").map((l) => l.split(": ")[1])).to.deep.equal([
      "0.0 s, 0 block(s), 0/2 confirmation(s)",
      "2.0 s, 0 block(s), 1/2 confirmation(s)",
      "13.0 s, 0 block(s), 1/2 confirmation(s)",
    ]);
  });

  it("a simulation warns when the deployer's balance does not cover the estimate at the current price", () => {
    const { reporter, text } = capture(false, { simulation: true });
    const events: MigrationEvent[] = [
      { type: "plan", network, pending: [migration], completed: 0, store: "Migrator 0x1" },
      { type: "account", when: "before", address: "0x00000000000000000000000000000000000000aa", balance: 10n ** 15n, gasPrice: 2_000_000_000n },
      { type: "migration-started", migration },
      { type: "tx-mined", hash: HASH, blockNumber: 5, gasUsed: 1_000_000n, effectiveGasPrice: 1_000_000_000n, cost: 10n ** 15n },
      { type: "finished", result },
    ];
    events.forEach(reporter.onEvent);
    expect(text()).to.contain("Deployer 0x00000000000000000000000000000000000000aa: balance 0.001 ETH; gas price now 2 gwei.");
    expect(text()).to.contain("Total cost 0.001 ETH (gas 1,000,000 at 1 gwei).");
    expect(text()).to.contain("Estimated cost on the network at its current gas price (2 gwei): 0.002 ETH.");
    expect(text()).to.contain("Warning: the deployer's balance (0.001 ETH) is not enough for it: 0.001 ETH short, before any price rise.");
  });

  it("colour: off for pipes, NO_COLOR and --no-color; FORCE_COLOR turns it on", () => {
    expect(colorEnabled({ isTTY: true }, false, {})).to.equal(true);
    expect(colorEnabled({ isTTY: false }, false, {})).to.equal(false);
    expect(colorEnabled({ isTTY: true }, false, { NO_COLOR: "1" })).to.equal(false);
    expect(colorEnabled({ isTTY: true }, true, {})).to.equal(false);
    expect(colorEnabled({ isTTY: false }, false, { FORCE_COLOR: "1" })).to.equal(true);
    expect(colorEnabled({ isTTY: true }, false, { FORCE_COLOR: "0" })).to.equal(false);
  });
});
