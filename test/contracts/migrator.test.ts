import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { expect } from "chai";
import { type Contract, ContractFactory, id as keccakId, type Signer, ZeroHash } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { revertName as migratorRevertName } from "../../src/core/stores/migrator-state-store.js";
import { MIGRATOR_ADMIN_ARTIFACT, MIGRATOR_ARTIFACT } from "../../src/generated/migrator-artifact.js";
import { createFixtureHre, REPO_ROOT } from "../helpers/fixture.js";

/** Truffle's Migrations.sol compiled with the same solc (bench case 3): setCompleted of a later small id, and of a timestamp id. */
const TRUFFLE_SMALL_RECORD_GAS = 28_587n;
const TRUFFLE_TIMESTAMP_RECORD_GAS = 28_635n;
const TRUFFLE_DEPLOYMENT_GAS = 153_797n;

let connection: NetworkConnection;
let owner: Signer;
let other: Signer;
let admin: string;

async function deployMigrator(): Promise<{ migrator: Contract; gas: bigint }> {
  const factory = new ContractFactory(MIGRATOR_ARTIFACT.abi, MIGRATOR_ARTIFACT.bytecode, owner);
  const contract = await factory.deploy(await owner.getAddress(), admin);
  const receipt = await contract.deploymentTransaction()!.wait();
  return { migrator: contract as Contract, gas: receipt!.gasUsed };
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
const at = (version: bigint, id: bigint) => (version << 64n) | id;

describe("Migrator.sol (design 2: a version slot, the set in events)", () => {
  before(async () => {
    const hre = await createFixtureHre("basic");
    connection = await hre.network.create();
    [owner, other] = (await connection.ethers.getSigners()) as unknown as [Signer, Signer];
    const adminContract = await new ContractFactory(MIGRATOR_ADMIN_ARTIFACT.abi, MIGRATOR_ADMIN_ARTIFACT.bytecode, owner).deploy();
    admin = await adminContract.getAddress();
  });

  it("is the committed build of contracts/Migrator.sol, with its compiler input", async () => {
    const node = process.execPath;
    await promisify(execFile)(node, [path.join(REPO_ROOT, "scripts", "build-migrator.mjs"), "--check"]);
  });

  it("emits each id and content hash, and counts the changes in version()", async () => {
    const { migrator } = await deployMigrator();
    const receipt = await (await migrator.getFunction("record")(at(0n, 7n), HASH)).wait();
    const log = migrator.interface.parseLog(receipt!.logs[0]!);
    expect(log?.name).to.equal("MigrationCompleted");
    expect(log?.args.toArray()).to.deep.equal([7n, HASH]);
    await (await migrator.getFunction("record")(at(1n, 20261201031500n), HASH)).wait();
    const undo = await (await migrator.getFunction("unrecord")(at(2n, 7n))).wait();
    expect(migrator.interface.parseLog(undo!.logs[0]!)?.name).to.equal("MigrationUnrecorded");
    expect(await migrator.getFunction("version")()).to.equal(3n);
  });

  it("reverts a change computed from a stale version: a second runner recording the same id", async () => {
    const { migrator } = await deployMigrator();
    // Both runners read version 0 and decide to run migration 3; the first records it.
    await (await migrator.getFunction("record")(at(0n, 3n), HASH)).wait();
    expect(await revertName(migrator.getFunction("record")(at(0n, 3n), HASH))).to.equal("StaleVersion");
    expect(await revertName(migrator.getFunction("unrecord")(at(0n, 3n)))).to.equal("StaleVersion");
    expect(await migrator.getFunction("version")()).to.equal(1n);
  });

  it("lets only the owner write", async () => {
    const { migrator } = await deployMigrator();
    const asOther = migrator.connect(other) as Contract;
    expect(await revertName(asOther.getFunction("record")(at(0n, 1n), HASH))).to.equal("NotOwner");
    expect(await revertName(asOther.getFunction("unrecord")(at(0n, 1n)))).to.equal("NotOwner");
    expect(await revertName(asOther.getFunction("transferOwnership")(await other.getAddress()))).to.equal("NotOwner");
  });

  it("transfers ownership in two steps (through the shared MigratorAdmin)", async () => {
    const { migrator } = await deployMigrator();
    const asOther = migrator.connect(other) as Contract;
    await (await migrator.getFunction("record")(at(0n, 2n), HASH)).wait();
    expect(await revertName(asOther.getFunction("acceptOwnership")())).to.equal("NotPendingOwner");
    await (await migrator.getFunction("transferOwnership")(await other.getAddress())).wait();
    expect(await migrator.getFunction("pendingOwner")()).to.equal(await other.getAddress());
    expect(await migrator.getFunction("owner")()).to.equal(await owner.getAddress());
    await (await asOther.getFunction("acceptOwnership")()).wait();
    expect(await migrator.getFunction("owner")()).to.equal(await other.getAddress());
    expect(await migrator.getFunction("pendingOwner")()).to.equal("0x0000000000000000000000000000000000000000");
    expect(await revertName(migrator.getFunction("record")(at(1n, 4n), HASH))).to.equal("NotOwner");
    await (await asOther.getFunction("record")(at(1n, 4n), HASH)).wait();
    expect(await migrator.getFunction("version")()).to.equal(2n);
  });

  it("supports ERC-165 with the XOR of its record/unrecord/version/owner selectors", async () => {
    const { migrator } = await deployMigrator();
    const selector = (signature: string) => BigInt(keccakId(signature).slice(0, 10));
    const interfaceId = selector("record(uint256,bytes32)") ^ selector("unrecord(uint256)") ^ selector("version()") ^ selector("owner()");
    const hex = `0x${interfaceId.toString(16).padStart(8, "0")}`;
    expect(await migrator.getFunction("supportsInterface")(hex)).to.equal(true);
    expect(await migrator.getFunction("supportsInterface")("0x01ffc9a7")).to.equal(true);
    expect(await migrator.getFunction("supportsInterface")("0xffffffff")).to.equal(false);
  });

  it("deploys for less gas than Truffle's Migrations.sol and records any id for less than Truffle records the same id", async () => {
    const { migrator, gas } = await deployMigrator();
    expect(gas < TRUFFLE_DEPLOYMENT_GAS, `deployment: ${gas}`).to.equal(true);
    const gasOf = async (version: bigint, id: bigint) => (await (await migrator.getFunction("record")(at(version, id), HASH)).wait())!.gasUsed;
    const small = [await gasOf(0n, 1n), await gasOf(1n, 2n), await gasOf(2n, 200n)];
    const timestamps = [await gasOf(3n, 1_790_000_000_000n), await gasOf(4n, 1_790_000_001_000n)];
    for (const g of small) {
      expect(g < TRUFFLE_SMALL_RECORD_GAS, `small id: ${g}`).to.equal(true);
    }
    for (const g of timestamps) {
      expect(g < TRUFFLE_TIMESTAMP_RECORD_GAS, `timestamp id: ${g}`).to.equal(true);
    }
  });

  it("MigratorAdmin called directly changes only its own storage", async () => {
    const adminContract = new ContractFactory(MIGRATOR_ADMIN_ARTIFACT.abi, MIGRATOR_ADMIN_ARTIFACT.bytecode, owner).attach(admin) as Contract;
    expect(await revertName(adminContract.getFunction("unrecord")(at(0n, 1n)))).to.equal("NotOwner");
    expect(ZeroHash).to.have.length(66);
  });
});
