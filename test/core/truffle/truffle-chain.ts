import type { NetworkConnection } from "hardhat/types/network";

import type { ArtifactResolver } from "../../../src/core/artifacts.js";
import { inspectChain, type ChainInfo } from "../../../src/core/chain.js";
import { discoverMigrations } from "../../../src/core/discovery.js";
import { executeMigration } from "../../../src/core/executor.js";
import { MemoryRegistryStorage } from "../../../src/core/registry/memory-registry-storage.js";
import { Registry } from "../../../src/core/registry/registry.js";
import { MigrationSender, createTransactionLayer } from "../../../src/core/transactions/migration-sender.js";
import { createFixtureHre } from "../../helpers/fixture.js";
import { compileArtifacts } from "../../helpers/solc-artifacts.js";
import { migrationsDir } from "../../helpers/temp.js";
import { providerAccount } from "../../../src/core/transactions/sending-account.js";

/** The contracts the Truffle runtime's tests deploy: a library, and a contract that links it. */
const SOURCES = {
  "Truffle.sol": `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

library Doubler {
    function double(uint256 x) external pure returns (uint256) { return x * 2; }
}

contract Counter {
    struct Point { uint256 x; int256 y; }

    uint256 public count;
    string public label;

    event Bumped(address indexed by, uint256 count);

    constructor(uint256 start, string memory label_) { count = start; label = label_; }

    function bump() external { count += 1; emit Bumped(msg.sender, count); }
    function bump(uint256 by) external { count += by; emit Bumped(msg.sender, count); }
    function pair() external view returns (uint256 total, string memory name) { return (count, label); }
    function points() external pure returns (Point[] memory list) {
        list = new Point[](2);
        list[0] = Point(1, -1);
        list[1] = Point(2, -2);
    }
    function fail() external pure { revert("Counter: nope"); }

    receive() external payable {}
}

contract Twice {
    uint256 public base;
    constructor(uint256 base_) { base = base_; }
    function doubled() external view returns (uint256) { return Doubler.double(base); }
}

contract Plain {
    address public owner;
    constructor() { owner = msg.sender; }
}
`,
};

let artifacts: ArtifactResolver | undefined;
let connection: NetworkConnection | undefined;
let chain: ChainInfo | undefined;

/** The in-process chain (EDR) the tests share, and the compiled contracts. */
export async function truffleChain(): Promise<{ connection: NetworkConnection; chain: ChainInfo; artifacts: ArtifactResolver }> {
  artifacts ??= compileArtifacts(SOURCES);
  connection ??= await (await createFixtureHre("basic")).network.create();
  chain ??= await inspectChain(connection.provider, { inProcess: true });
  return { connection, chain, artifacts };
}

/**
 * What a Truffle migration hands back to its test: scripts call the global `probe(name, value)`
 * (the migration runs in this process), so a test sees the values the script saw.
 */
export type Probed = Record<string, unknown>;

/**
 * Runs the CommonJS migration `source` as `migrate` runs one (executeMigration, the migration's
 * sender, tracked signers) on the in-process chain, with `registry` (a fresh one by default).
 * Resolves with the run's result, what the script probed and logged, and the registry.
 */
export async function runTruffleMigration(source: string, options: { registry?: Registry; fileName?: string; probed?: Probed } = {}) {
  const env = await truffleChain();
  const dir = await migrationsDir({ [options.fileName ?? "1_truffle.js"]: source });
  const [migration] = await discoverMigrations(dir);
  const registry = options.registry ?? (await Registry.open(new MemoryRegistryStorage(), env.chain));
  const [deployer] = await env.connection.ethers.getSigners();
  const probed: Probed = options.probed ?? {};
  const logs: string[] = [];
  (globalThis as { probe?: (name: string, value: unknown) => void }).probe = (name, value) => {
    probed[name] = value;
  };
  const run = () =>
    executeMigration({
      migration: migration!,
      network: { name: "hardhat", chainId: env.chain.chainId },
      deployer: providerAccount(env.connection.provider, deployer!.address),
      accountFor: async (address) => providerAccount(env.connection.provider, address),
      accounts: async () => (await env.connection.ethers.getSigners()).slice(0, 3).map((s) => s.address.toLowerCase()),
      artifacts: env.artifacts,
      registry,
      importModule: (url) => import(url),
      extendContext: (core) => core,
      emit: (event) => {
        if (event.type === "log") logs.push(event.message);
      },
      sender: new MigrationSender(createTransactionLayer(env.connection.provider, { chainId: env.chain.chainId }), migration!),
    });
  try {
    return { result: await run(), probed, logs, registry, ...env };
  } finally {
    delete (globalThis as { probe?: unknown }).probe;
  }
}

const deployCounter = `
const Counter = artifacts.require("Counter");
module.exports = async function (deployer, network, accounts) {
  await deployer.deploy(Counter, 10, "ten");
  const counter = await Counter.deployed();
  await body(counter, accounts);
};`;

/** Runs `body(counter, accounts)` (the source of an async function) on a freshly deployed Counter. */
export const withCounter = (body: string) => `const body = async function (counter, accounts) { ${body} };\n${deployCounter}`;

/** The migration's failure (it must fail), and what it probed before. */
export async function failureOf(source: string, options: { registry?: Registry; probed?: Probed } = {}): Promise<Error & { code?: string }> {
  const outcome = await runTruffleMigration(source, options).then(
    () => undefined,
    (error: unknown) => error as Error & { code?: string },
  );
  if (outcome === undefined) {
    throw new Error("the migration succeeded");
  }
  return outcome;
}
