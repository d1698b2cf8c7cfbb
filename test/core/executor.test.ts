import { expect } from "chai";
import { Wallet, type Provider, type TransactionRequest, type TransactionResponse } from "ethers";

import type { ChainInfo } from "../../src/core/chain.js";
import { executeMigration } from "../../src/core/executor.js";
import { MigrationSender, createTransactionLayer } from "../../src/core/transactions/migration-sender.js";
import { MemoryRegistryStorage } from "../../src/core/registry/memory-registry-storage.js";
import { Registry } from "../../src/core/registry/registry.js";
import { migrationsDir } from "../helpers/temp.js";
import { discoverMigrations } from "../../src/core/discovery.js";

const chain: ChainInfo = { chainId: 1, genesisHash: "0x01", clientVersion: undefined, isDevChain: false };

/** A node that knows only what the fake signer sent: every receipt says what `statuses` says. */
class FakeNode {
  readonly receipts = new Map<string, { status: number; gasUsed: bigint; hash: string; blockNumber: number }>();
  readonly provider = { getTransactionReceipt: async (hash: string) => this.receipts.get(hash) ?? null } as unknown as Provider;
  readonly eip1193 = {
    request: async ({ method }: { method: string }) => {
      if (method === "eth_blockNumber" || method === "eth_getTransactionCount") {
        return "0x0";
      }
      throw new Error(`unexpected ${method}`);
    },
  };
}

/** A signer whose sends "succeed" and whose receipts say what `statuses` says, in order. */
class FakeSigner extends Wallet {
  sent = 0;
  constructor(
    private readonly statuses: number[],
    private readonly node: FakeNode,
  ) {
    super(Wallet.createRandom().privateKey, node.provider);
  }
  override async sendTransaction(tx: TransactionRequest): Promise<TransactionResponse> {
    const status = this.statuses[this.sent++]!;
    const hash = `0x${String(this.sent).padStart(64, "0")}`;
    this.node.receipts.set(hash, { status, gasUsed: 21_000n, hash, blockNumber: 1 });
    return { hash, from: this.address, nonce: Number(tx.nonce) } as unknown as TransactionResponse;
  }
}

async function run(statuses: number[], source: string) {
  const dir = await migrationsDir({ "1_sends.js": source });
  const [migration] = await discoverMigrations(dir);
  const node = new FakeNode();
  const signer = new FakeSigner(statuses, node);
  return executeMigration({
    migration: migration!,
    network: { name: "fake", chainId: 1 },
    deployer: signer,
    signerFor: async () => signer,
    artifacts: { readArtifact: () => Promise.reject(new Error("no artifacts")) },
    registry: await Registry.open(new MemoryRegistryStorage(), chain),
    importModule: (url) => import(url),
    extendContext: (core) => core,
    emit: () => {},
    sender: new MigrationSender(createTransactionLayer(node.eip1193), migration!),
  });
}

const sendsTwoWithoutWaiting = `
export default async function ({ deployer }) {
  deployer.sendTransaction({ to: "0x0000000000000000000000000000000000000001", value: 1n });
  await deployer.sendTransaction({ to: "0x0000000000000000000000000000000000000002", value: 1n });
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
