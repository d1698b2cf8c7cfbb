import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { expect } from "chai";
import { type Contract, ContractFactory, id as keccakId, type Signer } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { revertName as migratorRevertName } from "../../src/core/stores/migrator-state-store.js";
import { MIGRATOR_ARTIFACT } from "../../src/generated/migrator-artifact.js";
import { createFixtureHre, REPO_ROOT } from "../helpers/fixture.js";

/** Truffle's Migrations.sol (`setCompleted`, 28,807 gas for a later migration). */
const TRUFFLE_LATER_RECORD_GAS = 28_807n;

let connection: NetworkConnection;
let owner: Signer;
let other: Signer;

async function deployMigrator(): Promise<Contract> {
  const factory = new ContractFactory(MIGRATOR_ARTIFACT.abi, MIGRATOR_ARTIFACT.bytecode, owner);
  const contract = await factory.deploy();
  await contract.waitForDeployment();
  return contract as Contract;
}

async function revertName(action: Promise<unknown>): Promise<string | undefined> {
  try {
    await action;
  } catch (error) {
    return migratorRevertName(error);
  }
  throw new Error("the call did not revert");
}

const HASH = `0x${"12".repeat(32)}`;

describe("Migrator.sol", () => {
  before(async () => {
    const hre = await createFixtureHre("basic");
    connection = await hre.network.create();
    [owner, other] = (await connection.ethers.getSigners()) as unknown as [Signer, Signer];
  });

  it("is the committed build of contracts/Migrator.sol", async () => {
    const node = process.execPath;
    await promisify(execFile)(node, [path.join(REPO_ROOT, "scripts", "build-migrator.mjs"), "--check"]);
  });

  it("records a set of ids and returns it in one call", async () => {
    const migrator = await deployMigrator();
    const ids = [5n, 1n, 95n, 96n, 1000n, 1461005828324n, 1461005828999n, 20261122153000n];
    for (const id of ids) {
      await (await migrator.getFunction("record")(id, HASH)).wait();
    }
    const completed = (await migrator.getFunction("completed")()) as bigint[];
    expect([...completed].sort((a, b) => (a < b ? -1 : 1))).to.deep.equal([...ids].sort((a, b) => (a < b ? -1 : 1)));
    expect(await migrator.getFunction("isCompleted")(96n)).to.equal(true);
    expect(await migrator.getFunction("isCompleted")(97n)).to.equal(false);
  });

  it("emits the id and the content hash of each completion", async () => {
    const migrator = await deployMigrator();
    const receipt = await (await migrator.getFunction("record")(7n, HASH)).wait();
    const log = migrator.interface.parseLog(receipt!.logs[0]!);
    expect(log?.name).to.equal("MigrationCompleted");
    expect(log?.args.toArray()).to.deep.equal([7n, HASH]);
  });

  it("reverts when an id is recorded twice", async () => {
    const migrator = await deployMigrator();
    await (await migrator.getFunction("record")(3n, HASH)).wait();
    await (await migrator.getFunction("record")(1461005828324n, HASH)).wait();
    expect(await revertName(migrator.getFunction("record")(3n, HASH))).to.equal("AlreadyRecorded");
    expect(await revertName(migrator.getFunction("record")(1461005828324n, HASH))).to.equal("AlreadyRecorded");
  });

  it("lets only the owner write", async () => {
    const migrator = await deployMigrator();
    const asOther = migrator.connect(other) as Contract;
    expect(await revertName(asOther.getFunction("record")(1n, HASH))).to.equal("NotOwner");
    expect(await revertName(asOther.getFunction("unrecord")(1n))).to.equal("NotOwner");
    expect(await revertName(asOther.getFunction("transferOwnership")(await other.getAddress()))).to.equal("NotOwner");
    expect(await revertName(migrator.getFunction("record")(1n << 64n, HASH))).to.equal("IdOutOfRange");
  });

  it("transfers ownership in two steps", async () => {
    const migrator = await deployMigrator();
    const asOther = migrator.connect(other) as Contract;
    await (await migrator.getFunction("record")(2n, HASH)).wait();
    expect(await revertName(asOther.getFunction("acceptOwnership")())).to.equal("NotPendingOwner");
    await (await migrator.getFunction("transferOwnership")(await other.getAddress())).wait();
    expect(await migrator.getFunction("owner")()).to.equal(await owner.getAddress());
    await (await asOther.getFunction("acceptOwnership")()).wait();
    expect(await migrator.getFunction("owner")()).to.equal(await other.getAddress());
    expect(await revertName(migrator.getFunction("record")(4n, HASH))).to.equal("NotOwner");
    await (await asOther.getFunction("record")(4n, HASH)).wait();
    expect([...((await migrator.getFunction("completed")()) as bigint[])]).to.have.members([2n, 4n]);
  });

  it("unrecords ids, and reverts for ids it does not hold", async () => {
    const migrator = await deployMigrator();
    await (await migrator.getFunction("record")(1n, HASH)).wait();
    await (await migrator.getFunction("record")(500n, HASH)).wait();
    await (await migrator.getFunction("unrecord")(500n)).wait();
    expect(await revertName(migrator.getFunction("unrecord")(500n))).to.equal("NotRecorded");
    await (await migrator.getFunction("record")(501n, HASH)).wait();
    expect([...((await migrator.getFunction("completed")()) as bigint[])]).to.have.members([1n, 501n]);
  });

  it("supports ERC-165 with the XOR of its record/unrecord/completed/isCompleted selectors", async () => {
    const migrator = await deployMigrator();
    const selector = (signature: string) => BigInt(keccakId(signature).slice(0, 10));
    const interfaceId =
      selector("record(uint256,bytes32)") ^ selector("unrecord(uint256)") ^ selector("completed()") ^ selector("isCompleted(uint256)");
    const hex = `0x${interfaceId.toString(16).padStart(8, "0")}`;
    expect(await migrator.getFunction("supportsInterface")(hex)).to.equal(true);
    expect(await migrator.getFunction("supportsInterface")("0x01ffc9a7")).to.equal(true);
    expect(await migrator.getFunction("supportsInterface")("0xffffffff")).to.equal(false);
  });

  it("records a small id for less gas than Truffle's Migrations.setCompleted, first time and later", async () => {
    const migrator = await deployMigrator();
    const first = await (await migrator.getFunction("record")(1n, HASH)).wait();
    const later = await (await migrator.getFunction("record")(2n, HASH)).wait();
    expect(first!.gasUsed < TRUFFLE_LATER_RECORD_GAS, `first record: ${first!.gasUsed}`).to.equal(true);
    expect(later!.gasUsed < TRUFFLE_LATER_RECORD_GAS, `later record: ${later!.gasUsed}`).to.equal(true);
  });
});
