import { expect } from "chai";

import type { ChainInfo } from "../../src/core/chain.js";
import { executeMigration } from "../../src/core/executor.js";
import { MigrationSender, createTransactionLayer } from "../../src/core/transactions/migration-sender.js";
import type { SendingAccount } from "../../src/core/transactions/sending-account.js";
import { MemoryRegistryStorage } from "../../src/core/registry/memory-registry-storage.js";
import { Registry } from "../../src/core/registry/registry.js";
import { migrationsDir } from "../helpers/temp.js";
import { discoverMigrations } from "../../src/core/discovery.js";

const chain: ChainInfo = { chainId: 1, genesisHash: "0x01", clientVersion: undefined, isDevChain: false };

/** A node that knows only what the fake account sent: every receipt says what `statuses` says, in order. */
class FakeNode {
  readonly receipts = new Map<string, Record<string, string>>();
  readonly eip1193 = {
    request: async ({ method, params }: { method: string; params?: unknown[] | object }) => {
      if (method === "eth_blockNumber" || method === "eth_getTransactionCount") {
        return "0x0";
      }
      if (method === "eth_chainId") {
        return "0x1";
      }
      if (method === "eth_getTransactionReceipt") {
        return this.receipts.get((params as string[])[0]!) ?? null;
      }
      throw new Error(`unexpected ${method}`);
    },
  };
}

/** An account whose sends "succeed" and whose receipts say what `statuses` says, in order. */
function fakeAccount(statuses: number[], node: FakeNode): SendingAccount {
  let sent = 0;
  const address = "0x00000000000000000000000000000000000000aa";
  return {
    address,
    send: async () => {
      const status = statuses[sent++]!;
      const hash = `0x${String(sent).padStart(64, "0")}`;
      node.receipts.set(hash, { transactionHash: hash, status: `0x${status}`, gasUsed: "0x5208", blockNumber: "0x1", from: address, effectiveGasPrice: "0x1" });
      return hash;
    },
  };
}

async function run(statuses: number[], source: string) {
  const dir = await migrationsDir({ "1_sends.js": source });
  const [migration] = await discoverMigrations(dir);
  const node = new FakeNode();
  const account = fakeAccount(statuses, node);
  return executeMigration({
    migration: migration!,
    network: { name: "fake", chainId: 1 },
    deployer: account,
    accountFor: async () => account,
    artifacts: { readArtifact: () => Promise.reject(new Error("no artifacts")) },
    registry: await Registry.open(new MemoryRegistryStorage(), chain),
    importModule: (url) => import(url),
    extendContext: (core) => core,
    emit: () => {},
    sender: new MigrationSender(createTransactionLayer(node.eip1193), migration!),
  });
}

const sendsTwoWithoutWaiting = `
export default async function ({ deployer, transactions }) {
  transactions.send(deployer.address, { to: "0x0000000000000000000000000000000000000001", value: 1n });
  await transactions.send(deployer.address, { to: "0x0000000000000000000000000000000000000002", value: 1n });
}`;

describe("executeMigration", () => {
  it("waits for every transaction sent through the context and counts its gas", async () => {
    const result = await run([1, 1], sendsTwoWithoutWaiting);
    expect(result.transactions).to.equal(2);
    expect(result.gasUsed).to.equal(42_000n);
  });

  it("fails when a transaction the script did not wait for reverts when mined", async () => {
    try {
      await run([0, 1], sendsTwoWithoutWaiting);
      expect.fail("the migration succeeded");
    } catch (error) {
      expect((error as { code?: string }).code).to.equal("MIGRATION_TX_REVERTED");
      expect((error as Error).message).to.contain(`0x${"1".padStart(64, "0")}`).and.to.contain("1_sends.js");
    }
  });
});
