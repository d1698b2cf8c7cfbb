import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { AbiCoder, ContractFactory, JsonRpcProvider } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import { runHardhat } from "../helpers/cli.js";
import { createFixtureHre, fixtureRoot, tempDir } from "../helpers/fixture.js";
import { startHardhatNode } from "../helpers/hardhat-node.js";

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

  it("imports a v2 folder (.chain with genesis, transaction, hex receipt, argsData)", async () => {
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

  });

  it("imports from the command line into a hardhat node's registry file; a chain without the contracts is refused", async () => {
    const hre = await createFixtureHre("truffle-styles");
    const node = await startHardhatNode(fixtureRoot("truffle-styles"));
    const provider = new JsonRpcProvider(node.url, undefined, { staticNetwork: true });
    try {
      const artifact = await hre.artifacts.readArtifact("SimpleStorage");
      const signer = await provider.getSigner(0);
      const contract = await new ContractFactory(artifact.abi, artifact.bytecode, signer).deploy(5n);
      const receipt = (await contract.deploymentTransaction()!.wait())!;
      const genesis = (await provider.getBlock(0))!.hash!;
      const dir = path.join(await tempDir("hhm-hd5-"), "deployments", "testnode");
      await mkdir(dir, { recursive: true });
      await writeJson(dir, ".chain", { chainId: "31337", genesisHash: genesis });
      await writeJson(dir, "SimpleStorage.json", {
        address: receipt.contractAddress,
        abi: artifact.abi,
        transaction: { hash: receipt.hash, origin: receipt.from },
        receipt: { blockNumber: `0x${receipt.blockNumber.toString(16)}` },
        argsData: AbiCoder.defaultAbiCoder().encode(["uint256"], [5n]),
        sourceName: "contracts/SimpleStorage.sol",
        contractName: "SimpleStorage",
      });
      const registryDir = await tempDir("hhm-hd5-registry-");
      const env = { MIGRATIONS_TEST_RPC_URL: node.url, MIGRATIONS_TEST_REGISTRY_DIR: registryDir };
      const ok = await runHardhat(fixtureRoot("truffle-styles"), ["migrate", "import", "hardhat-deploy", "--dir", dir, "--network", "testnode"], env);
      expect(ok.code, ok.stdout + ok.stderr).to.equal(0);
      expect(ok.stdout).to.contain("Imported 1 hardhat-deploy (v2) deployment(s) on testnode (chain 31337): SimpleStorage.");
      const registry = JSON.parse(await readFile(path.join(registryDir, "31337.json"), "utf8")) as { contracts: Record<string, { address: string; args: unknown[]; artifact: string }> };
      expect(registry.contracts.SimpleStorage).to.deep.include({ address: receipt.contractAddress, args: ["5"], artifact: "contracts/SimpleStorage.sol:SimpleStorage" });

      // The in-process network of a new process has no such contract (v1 folders carry no
      // genesis hash): refused, naming it.
      await rm(path.join(dir, ".chain"));
      await writeFile(path.join(dir, ".chainId"), "31337");
      const refused = await runHardhat(fixtureRoot("truffle-styles"), ["migrate", "import", "hardhat-deploy", "--dir", dir]);
      expect(refused.code).to.not.equal(0);
      expect(refused.stdout + refused.stderr).to.contain("HHM214").and.to.contain(`SimpleStorage (${receipt.contractAddress})`).and.to.contain("Nothing was imported");
    } finally {
      provider.destroy();
      await node.stop();
    }
  });

  it("refuses a folder of another chain, and one that is not a hardhat-deploy folder", async () => {
    const { connection } = await setUp();
    const dir = await tempDir("hhm-hd3-");
    await writeFile(path.join(dir, ".chainId"), "11155111");
    await writeJson(dir, "Token.json", { address: "0x0000000000000000000000000000000000000001" });
    const wrong = await connection.migrations.importHardhatDeploy({ dir }).catch((e: unknown) => e as Error);
    expect((wrong as Error).message).to.contain("HHM213").and.to.contain("chain 11155111");
    expect(await connection.migrations.registry.has("Token")).to.equal(false);

    const empty = await connection.migrations.importHardhatDeploy({ dir: await tempDir("hhm-hd4-") }).catch((e: unknown) => e as Error);
    expect((empty as Error).message).to.contain("HHM212").and.to.contain("neither a .chain (v2) nor a .chainId (v1) file");
  });
});
