import { expect } from "chai";
import { JsonRpcProvider, Wallet, type TransactionRequest, type TransactionResponse } from "ethers";

import type { ChainInfo } from "../../src/core/chain.js";
import { executeMigration } from "../../src/core/executor.js";
import { MemoryRegistryStorage } from "../../src/core/registry/memory-registry-storage.js";
import { Registry } from "../../src/core/registry/registry.js";
import { migrationsDir } from "../helpers/fixture.js";
import { discoverMigrations } from "../../src/core/discovery.js";

const chain: ChainInfo = { chainId: 1, genesisHash: "0x01", clientVersion: undefined, isDevChain: false };

/** A signer whose sends "succeed" and whose receipts say what `statuses` says, in order. */
class FakeSigner extends Wallet {
  sent = 0;
  constructor(private readonly statuses: number[]) {
    super(Wallet.createRandom().privateKey, new JsonRpcProvider("http://127.0.0.1:1", 1, { staticNetwork: true }));
  }
  override async sendTransaction(_tx: TransactionRequest): Promise<TransactionResponse> {
    const status = this.statuses[this.sent++]!;
    const hash = `0x${String(this.sent).padStart(64, "0")}`;
    return {
      hash,
      wait: async () => {
        if (status === 0) {
          throw Object.assign(new Error("transaction execution reverted"), { shortMessage: "transaction execution reverted" });
        }
        return { status, gasUsed: 21_000n, hash };
      },
    } as unknown as TransactionResponse;
  }
}

async function run(statuses: number[], source: string) {
  const dir = await migrationsDir({ "1_sends.js": source });
  const [migration] = await discoverMigrations(dir);
  const signer = new FakeSigner(statuses);
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
