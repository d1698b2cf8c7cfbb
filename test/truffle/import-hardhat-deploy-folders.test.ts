import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { AbiCoder } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import { runHardhat } from "../helpers/cli.js";
import { createFixtureHre, fixtureRoot, tempDir } from "../helpers/fixture.js";

interface Deployed {
  address: string;
  hash: string;
  blockNumber: number;
  from: string;
}

/** Deploys SimpleStorage(7) and PiggyBank(accounts[1]) with ethers, as hardhat-deploy would have. */
async function deployWithoutThePlugin(connection: NetworkConnection): Promise<{ storage: Deployed; bank: Deployed; beneficiary: string }> {
  const [, beneficiary] = await connection.ethers.getSigners();
  const deploy = async (name: string, args: unknown[], value = 0n): Promise<Deployed> => {
    const factory = await connection.ethers.getContractFactory(name);
    const contract = await factory.deploy(...args, { value });
    const receipt = (await contract.deploymentTransaction()!.wait())!;
    return { address: await contract.getAddress(), hash: receipt.hash, blockNumber: receipt.blockNumber, from: receipt.from };
  };
  return { storage: await deploy("SimpleStorage", [7n]), bank: await deploy("PiggyBank", [beneficiary!.address], 10n), beneficiary: beneficiary!.address };
}

async function writeJson(dir: string, file: string, value: unknown): Promise<void> {
  await writeFile(path.join(dir, file), JSON.stringify(value, null, 2));
}

async function setUp(): Promise<{ hre: HardhatRuntimeEnvironment; connection: NetworkConnection; genesis: string } & Awaited<ReturnType<typeof deployWithoutThePlugin>>> {
  const hre = await createFixtureHre("truffle-styles");
  const connection = await hre.network.create();
  const genesis = ((await connection.provider.request({ method: "eth_getBlockByNumber", params: ["0x0", false] })) as { hash: string }).hash;
  return { hre, connection, genesis, ...(await deployWithoutThePlugin(connection)) };
}

describe("migrate import hardhat-deploy", () => {
  it("imports a v1 folder (.chainId, transactionHash, receipt, args with BigNumbers)", async () => {
    const { hre, connection, storage, bank, beneficiary } = await setUp();
    const dir = path.join(await tempDir("hhm-hd1-"), "deployments", "localhost");
    await mkdir(path.join(dir, "solcInputs"), { recursive: true });
    await writeFile(path.join(dir, ".chainId"), "31337");
    await writeJson(dir, ".migrations.json", { deploy_storage: 1700000000 });
    const abi = (name: string) => hre.artifacts.readArtifact(name).then((a) => a.abi);
    await writeJson(dir, "SimpleStorage.json", {
      address: storage.address.toLowerCase(),
      abi: await abi("SimpleStorage"),
      transactionHash: storage.hash,
      receipt: { from: storage.from, blockNumber: storage.blockNumber, transactionHash: storage.hash },
      args: [{ type: "BigNumber", hex: "0x07" }],
      metadata: JSON.stringify({ settings: { compilationTarget: { "contracts/SimpleStorage.sol": "SimpleStorage" } } }),
    });
    await writeJson(dir, "Bank.json", {
      address: bank.address,
      abi: await abi("PiggyBank"),
      transactionHash: bank.hash,
      receipt: { from: bank.from, blockNumber: bank.blockNumber },
      args: [beneficiary],
      metadata: JSON.stringify({ settings: { compilationTarget: { "contracts/PiggyBank.sol": "PiggyBank" } } }),
    });

    const result = await connection.migrations.importHardhatDeploy({ dir, completed: 2 });
    expect(result.format).to.equal("v1");
    expect(result.imported).to.deep.equal(["Bank", "SimpleStorage"]);
    expect(result.recorded).to.deep.equal([1, 2]);
    const entry = await connection.migrations.registry.get("SimpleStorage");
    expect(entry).to.deep.include({
      address: storage.address,
      artifact: "contracts/SimpleStorage.sol:SimpleStorage",
      transactionHash: storage.hash,
      blockNumber: storage.blockNumber,
      deployer: storage.from,
      args: ["7"],
      migration: 0,
    });
    const bankEntry = await connection.migrations.registry.get("Bank");
    expect(bankEntry.artifact).to.equal("contracts/PiggyBank.sol:PiggyBank");
    // The imported entry is usable: its contract has the project's ABI.
    const piggy = await connection.migrations.registry.contract("Bank");
    expect(await piggy.getFunction("beneficiary")()).to.equal(beneficiary);
    expect((await connection.migrations.status()).rows.map((r) => r.state)).to.deep.equal(["up", "up", "pending", "pending"]);
  });

  it("imports a v2 folder (.chain with genesis, transaction, hex receipt, argsData) from the command line", async () => {
    const { hre, connection, storage, genesis } = await setUp();
    const dir = path.join(await tempDir("hhm-hd2-"), "deployments", "localhost");
    await mkdir(dir, { recursive: true });
    await writeJson(dir, ".chain", { chainId: "31337", genesisHash: genesis });
    await writeJson(dir, "Storage.json", {
      address: storage.address,
      abi: (await hre.artifacts.readArtifact("SimpleStorage")).abi,
      transaction: { hash: storage.hash, origin: storage.from, nonce: "0x0" },
      receipt: { blockHash: "0x00", blockNumber: `0x${storage.blockNumber.toString(16)}`, transactionIndex: "0x0" },
      argsData: AbiCoder.defaultAbiCoder().encode(["uint256"], [7n]),
      bytecode: "0x",
      metadata: "{}",
      contractName: "SimpleStorage",
      sourceName: "contracts/SimpleStorage.sol",
    });

    const result = await connection.migrations.importHardhatDeploy({ dir });
    expect(result).to.deep.include({ format: "v2", imported: ["Storage"], unchanged: [], recorded: [] });
    expect(await connection.migrations.registry.get("Storage")).to.deep.include({
      address: storage.address,
      artifact: "contracts/SimpleStorage.sol:SimpleStorage",
      transactionHash: storage.hash,
      blockNumber: storage.blockNumber,
      deployer: storage.from,
      args: ["7"],
    });
    expect((await connection.migrations.importHardhatDeploy({ dir })).unchanged).to.deep.equal(["Storage"]);

    // The task, as a user runs it. Its in-process chain is a fresh one with the same id and (a
    // deterministic dev chain) the same genesis, but without these contracts: refused.
    const cli = await runHardhat(fixtureRoot("truffle-styles"), ["migrate", "import", "hardhat-deploy", "--dir", dir]);
    expect(cli.code).to.not.equal(0);
    expect(cli.stdout + cli.stderr).to.contain("HHM194").and.to.contain(`Storage (${storage.address})`).and.to.contain("Nothing was imported");
  });

  it("refuses a folder of another chain, and one that is not a hardhat-deploy folder", async () => {
    const { connection } = await setUp();
    const dir = await tempDir("hhm-hd3-");
    await writeFile(path.join(dir, ".chainId"), "11155111");
    await writeJson(dir, "Token.json", { address: "0x0000000000000000000000000000000000000001" });
    const wrong = await connection.migrations.importHardhatDeploy({ dir }).catch((e: unknown) => e as Error);
    expect((wrong as Error).message).to.contain("HHM193").and.to.contain("chain 11155111");
    expect(await connection.migrations.registry.has("Token")).to.equal(false);

    const empty = await connection.migrations.importHardhatDeploy({ dir: await tempDir("hhm-hd4-") }).catch((e: unknown) => e as Error);
    expect((empty as Error).message).to.contain("HHM192").and.to.contain("neither a .chain (v2) nor a .chainId (v1) file");
  });
});
