import { expect } from "chai";
import { ContractFactory } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { MigrationsError } from "../../src/core/errors.js";
import type { Eip1193Provider } from "../../src/core/provider.js";
import { NodeReadFailure } from "../../src/core/node-read-failure.js";
import { deployedMigratorDesign } from "../../src/core/stores/migrator-deployment.js";
import { VERSION_CALL } from "../../src/core/stores/migrator-events.js";
import { MigratorStateStore } from "../../src/core/stores/migrator-state-store.js";
import type { StoreSender } from "../../src/core/stores/state-store.js";
import { storeSender } from "../../src/core/transactions/journaled-step.js";
import { MigrationSender, createTransactionLayer } from "../../src/core/transactions/migration-sender.js";
import { createFixtureHre } from "../helpers/fixture.js";
import { LEGACY_MIGRATOR_V1_ARTIFACT } from "../helpers/legacy-migrator-v1.js";
import { describeStateStoreConformance } from "../core/stores/state-store-conformance.js";
import { providerAccount } from "../../src/core/transactions/sending-account.js";

let connection: NetworkConnection;

/** Where the registry that names the Migrator is, as a command gives it. */
const where = { file: "registry.json", network: "mainnet" };

before(async function () {
  const hre = await createFixtureHre("basic");
  connection = await hre.network.create();
});

/** The plugin's transaction path from the first account, as every command gives a store. */
async function transactionPath(): Promise<StoreSender> {
  const [deployer] = await connection.ethers.getSigners();
  const layer = createTransactionLayer(connection.provider, {});
  return storeSender(new MigrationSender(layer, { id: 0, fileName: "(the Migrator)" }), providerAccount(connection.provider, deployer!.address));
}

async function deployStore(): Promise<MigratorStateStore> {
  return (await MigratorStateStore.deploy(connection.provider, await transactionPath())).store;
}

/** Attaches as a command does (owner checked), connected to the transaction path to send. */
async function attachSending(provider: Eip1193Provider, address: string, design?: 2) {
  const [owner] = await connection.ethers.getSigners();
  const attached = (await MigratorStateStore.attach(provider, owner!, { address, blockNumber: 0, ...(design !== undefined ? { design } : {}) }, where))!;
  return { store: attached.store.connect(await transactionPath()), completed: attached.completed };
}

describeStateStoreConformance("MigratorStateStore", deployStore);

describe("MigratorStateStore (design 2)", () => {
  it("stops a second runner that read the record before the first recorded the same id", async () => {
    const store = await deployStore();
    await store.record(1, `0x${"ab".repeat(32)}`);
    const first = (await attachSending(connection.provider, store.address, 2)).store;
    const second = (await attachSending(connection.provider, store.address, 2)).store;
    await first.record(2, `0x${"cd".repeat(32)}`);
    try {
      await second.record(2, `0x${"cd".repeat(32)}`);
      expect.fail("the second runner recorded migration 2 again");
    } catch (error) {
      expect(MigrationsError.is(error, "MIGRATION_ALREADY_RECORDED"), String(error)).to.equal(true);
    }
    // A different id from the stale runner goes through after it re-reads the record.
    await second.record(3, `0x${"ef".repeat(32)}`);
    expect([...(await first.completed())].sort()).to.deep.equal([1, 2, 3]);
  });

  it("reads the whole record through a provider that refuses eth_getLogs over more than 3 blocks", async () => {
    const store = await deployStore();
    for (let id = 1; id <= 12; id++) {
      await store.record(id, `0x${id.toString(16).padStart(64, "0")}`);
    }
    await store.unrecord(5);
    let refused = 0;
    const limited: Eip1193Provider = {
      request: async (args) => {
        if (args.method === "eth_getLogs") {
          const [filter] = args.params as [{ fromBlock: string; toBlock: string }];
          const to = filter.toBlock === "latest" ? Number(BigInt((await connection.provider.request({ method: "eth_blockNumber" })) as string)) : Number(BigInt(filter.toBlock));
          if (to - Number(BigInt(filter.fromBlock)) > 3) {
            refused += 1;
            throw new Error("query exceeds max block range 3");
          }
        }
        return connection.provider.request(args);
      },
    };
    const attached = await attachSending(limited, store.address, 2);
    expect(refused).to.be.greaterThan(0);
    expect([...attached.completed].sort((a, b) => a - b)).to.deep.equal([1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12]);
    const records = await attached.store.records(attached.completed);
    expect(records.find((r) => r.id === 12)?.contentHash).to.equal(`0x${(12).toString(16).padStart(64, "0")}`);
    // Recording goes on through it: the version it read is current.
    await attached.store.record(13, `0x${"01".repeat(32)}`);
    expect((await attached.store.completed()).has(13)).to.equal(true);
  });

  it("refuses to report a record whose events the node withholds", async () => {
    const [owner] = await connection.ethers.getSigners();
    const store = await deployStore();
    await store.record(1, `0x${"ab".repeat(32)}`);
    await store.record(2, `0x${"ab".repeat(32)}`);
    const truncating: Eip1193Provider = {
      request: async (args) => {
        const result = await connection.provider.request(args);
        // Drops the newest log of every answer, as a provider capping its results would.
        return args.method === "eth_getLogs" ? (result as unknown[]).slice(0, -1) : result;
      },
    };
    try {
      await MigratorStateStore.attach(truncating, owner!, { address: store.address, blockNumber: 0, design: 2 }, where);
      expect.fail("reported a partial record");
    } catch (error) {
      expect(MigrationsError.is(error, "MIGRATOR_LOGS_INCOMPLETE"), String(error)).to.equal(true);
    }
  });
});

describe("MigratorStateStore (design 1, deployed by earlier versions)", () => {
  it("reads, records and unrecords through a Migrator of the earlier design named by an old registry", async () => {
    const [owner] = await connection.ethers.getSigners();
    const legacy = await new ContractFactory(LEGACY_MIGRATOR_V1_ARTIFACT.abi, LEGACY_MIGRATOR_V1_ARTIFACT.bytecode, owner!).deploy();
    const address = await legacy.getAddress();
    await (await legacy.getFunction("record")(3n, `0x${"ab".repeat(32)}`)).wait();
    await (await legacy.getFunction("record")(20261201031500n, `0x${"ab".repeat(32)}`)).wait();
    // An old registry's migrator record has no "design".
    const attached = await attachSending(connection.provider, address);
    expect(attached.store.design).to.equal(1);
    expect([...attached.completed].sort((a, b) => a - b)).to.deep.equal([3, 20261201031500]);
    await attached.store.record(4, `0x${"cd".repeat(32)}`);
    await attached.store.unrecord(3);
    expect([...(await attached.store.completed())].sort((a, b) => a - b)).to.deep.equal([4, 20261201031500]);
    try {
      await attached.store.record(4, `0x${"cd".repeat(32)}`);
      expect.fail("recorded 4 twice");
    } catch (error) {
      expect(MigrationsError.is(error, "MIGRATION_ALREADY_RECORDED")).to.equal(true);
    }
    expect((await attached.store.records()).map((r) => r.id)).to.have.members([4, 20261201031500]);
  });
});

describe("MigratorStateStore.attach", () => {
  it("reads the record back and checks the owner", async () => {
    const store = await deployStore();
    await store.record(4, `0x${"ab".repeat(32)}`);
    const [owner, other] = await connection.ethers.getSigners();
    const attached = await MigratorStateStore.attach(connection.provider, owner!, { address: store.address, blockNumber: 0, design: 2 }, where);
    expect([...attached!.completed]).to.deep.equal([4]);

    try {
      await MigratorStateStore.attach(connection.provider, other!, { address: store.address, blockNumber: 0, design: 2 }, where);
      expect.fail("attached with a signer that does not own the Migrator");
    } catch (error) {
      expect(MigrationsError.is(error, "MIGRATOR_NOT_OWNER")).to.equal(true);
      expect((error as Error).message).to.contain(owner!.address);
    }
  });

  it("resolves undefined where there is no code", async () => {
    const [owner] = await connection.ethers.getSigners();
    const empty = "0x00000000000000000000000000000000000C0DE5";
    expect(await MigratorStateStore.attach(connection.provider, owner!, { address: empty, blockNumber: 0 }, where)).to.equal(undefined);
  });

  it("resolves undefined where there is no code, for either design", async () => {
    const [owner] = await connection.ethers.getSigners();
    const empty = "0x00000000000000000000000000000000000C0DE6";
    expect(await MigratorStateStore.attach(connection.provider, owner!, { address: empty, blockNumber: 0, design: 2 }, where)).to.equal(undefined);
  });

  for (const design of [undefined, 2] as const) {
    it(`reports a contract that is not a Migrator (its ${design === 2 ? "version()" : "completed()"} reverts) as incompatible`, async () => {
      const token = await connection.ethers.deployContract("Token", ["T", 1n]);
      const error = await attachError(connection.provider, { address: await token.getAddress(), blockNumber: 0, ...(design !== undefined ? { design } : {}) });
      expect(MigrationsError.is(error, "MIGRATOR_INCOMPATIBLE"), String(error)).to.equal(true);
      expect((error as MigrationsError).hint).to.contain("registry.json");
    });
  }

  it("reports a bare revert as geth words it (-32000 \"execution reverted\", no data) as incompatible", async () => {
    const store = await deployStore();
    const geth: Eip1193Provider = {
      request: async (args) => {
        if (isVersionCall(args)) {
          throw Object.assign(new Error("execution reverted"), { code: -32000 });
        }
        return connection.provider.request(args);
      },
    };
    const error = await attachError(geth, { address: store.address, blockNumber: 0, design: 2 });
    expect(MigrationsError.is(error, "MIGRATOR_INCOMPATIBLE"), String(error)).to.equal(true);
  });

  for (const garbage of ["0x", "0xnot-a-number"]) {
    it(`reports a Migrator whose version() answers ${JSON.stringify(garbage)} as incompatible`, async () => {
      const store = await deployStore();
      const answering: Eip1193Provider = {
        request: async (args) => (isVersionCall(args) ? garbage : connection.provider.request(args)),
      };
      const error = await attachError(answering, { address: store.address, blockNumber: 0, design: 2 });
      expect(MigrationsError.is(error, "MIGRATOR_INCOMPATIBLE"), String(error)).to.equal(true);
    });
  }

  it("reports a design-1 Migrator whose completed() answers data that does not decode as incompatible", async () => {
    const store = await deployStore();
    const error = await attachError(connection.provider, { address: store.address, blockNumber: 0 });
    // The shipped design has no completed(): the call reverts. A short answer does not decode:
    const short: Eip1193Provider = {
      request: async (args) => (args.method === "eth_call" ? "0x1234" : connection.provider.request(args)),
    };
    const shortError = await attachError(short, { address: store.address, blockNumber: 0 });
    for (const e of [error, shortError]) {
      expect(MigrationsError.is(e, "MIGRATOR_INCOMPATIBLE"), String(e)).to.equal(true);
    }
    expect((shortError as Error).message).to.contain("not an ABI-encoded uint256[]");
  });

  it("reports a node that keeps failing to answer as unreachable, after three attempts, never as incompatible", async () => {
    const store = await deployStore();
    const failing = failingVersionCalls();
    const error = await attachError(failing, { address: store.address, blockNumber: 0, design: 2 });
    expect(MigrationsError.is(error, "MIGRATOR_UNREACHABLE"), String(error)).to.equal(true);
    expect(failing.asked).to.equal(3);
    const { message, hint } = error as MigrationsError;
    expect(message).to.equal(`HHM336: Could not read the Migrator at ${store.address} on mainnet: eth_call: internal error (JSON-RPC error -32603)`);
    expect(hint).to.contain("Nothing was changed").and.to.contain("asked 3 times").and.to.not.contain("registry.json");
  });

  it("reports a node that fails to answer eth_getCode too as unreachable", async () => {
    const store = await deployStore();
    const down: Eip1193Provider = {
      request: async (args) => {
        if (args.method === "eth_call" || args.method === "eth_getCode") {
          throw Object.assign(new Error("Received an unexpected status code from https://rpc.example"), { cause: { statusCode: 503 } });
        }
        return connection.provider.request(args);
      },
    };
    const error = await attachError(down, { address: store.address, blockNumber: 0 });
    expect(MigrationsError.is(error, "MIGRATOR_UNREACHABLE"), String(error)).to.equal(true);
    expect((error as Error).message).to.contain("(HTTP 503)");
  });

  it("reads the record through a node that failed the first read", async () => {
    const store = await deployStore();
    await store.record(7, `0x${"ab".repeat(32)}`);
    let failures = 1;
    const flaky: Eip1193Provider = {
      request: async (args) => {
        if (args.method === "eth_getLogs" && failures > 0) {
          failures -= 1;
          throw Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" });
        }
        return connection.provider.request(args);
      },
    };
    const attached = await attachSending(flaky, store.address, 2);
    expect(failures).to.equal(0);
    expect([...attached.completed]).to.deep.equal([7]);
  });
});

describe("deployedMigratorDesign (`migrate registry rebuild` of a Migrator not built from the shipped source)", () => {
  it("is design 2 when version() answers, design 1 when it reverts, and a node's failure is thrown, not taken for design 1", async () => {
    const store = await deployStore();
    const token = await connection.ethers.deployContract("Token", ["T", 1n]);
    expect(await deployedMigratorDesign(connection.provider, store.address, "0x")).to.deep.equal({ design: 2 });
    expect(await deployedMigratorDesign(connection.provider, await token.getAddress(), "0x")).to.deep.equal({ design: 1 });
    const failing = failingVersionCalls();
    const thrown = await deployedMigratorDesign(failing, store.address, "0x").catch((e: unknown) => e);
    expect(thrown).to.be.instanceOf(NodeReadFailure);
    expect(failing.asked).to.equal(3);
  });
});

/** The in-process network, where every version() call fails as a JSON-RPC -32603 internal error; `asked` counts them. */
function failingVersionCalls(): Eip1193Provider & { asked: number } {
  const failing = {
    asked: 0,
    request: async (args: { method: string; params?: unknown[] | object }) => {
      if (isVersionCall(args)) {
        failing.asked += 1;
        throw Object.assign(new Error("internal error"), { code: -32603 });
      }
      return connection.provider.request(args);
    },
  };
  return failing;
}

function isVersionCall(args: { method: string; params?: unknown }): boolean {
  return args.method === "eth_call" && (args.params as [{ data?: string }])[0].data === VERSION_CALL;
}

/** What `attach` throws for the Migrator at `migrator`, checked as the first account's. */
async function attachError(provider: Eip1193Provider, migrator: { address: string; blockNumber: number; design?: 2 }): Promise<unknown> {
  const [owner] = await connection.ethers.getSigners();
  try {
    await MigratorStateStore.attach(provider, owner!, migrator, where);
  } catch (error) {
    return error;
  }
  return expect.fail(`attached to ${migrator.address}`);
}
