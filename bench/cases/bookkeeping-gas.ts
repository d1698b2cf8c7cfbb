import { createRequire } from "node:module";

import { ContractFactory, JsonRpcProvider, id as keccakText, type Contract, type Signer } from "ethers";

import { MIGRATOR_ADMIN_ARTIFACT, MIGRATOR_ARTIFACT } from "../../src/generated/migrator-artifact.js";
import { TRUFFLE_MIGRATIONS_SOL } from "../generators/truffle.js";
import { SOLJSON } from "../lib/paths.js";
import type { BenchOptions, CaseReport } from "../lib/report.js";
import { CleanChain } from "../lib/rpc.js";
import { table, thousands } from "../lib/stats.js";

const require = createRequire(import.meta.url);

/** Truffle's Migrations.sol compiled in this process with the `solc` package (0.8.37, 200 runs). */
function compileTruffleMigrations(): { abi: unknown[]; bytecode: string; version: string } {
  const solc = require("solc/wrapper.js") as (soljson: unknown) => { compile(input: string): string; version(): string };
  const compiler = solc(require(SOLJSON));
  const output = JSON.parse(
    compiler.compile(
      JSON.stringify({
        language: "Solidity",
        sources: { "Migrations.sol": { content: TRUFFLE_MIGRATIONS_SOL } },
        settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: "cancun", outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } } },
      }),
    ),
  ) as { contracts?: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>; errors?: Array<{ severity: string; formattedMessage: string }> };
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) {
    throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  }
  const c = output.contracts!["Migrations.sol"]!["Migrations"]!;
  return { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}`, version: compiler.version() };
}

async function gasOf(send: Promise<{ wait(): Promise<{ gasUsed: bigint } | null> }>): Promise<bigint> {
  const receipt = await (await send).wait();
  return receipt!.gasUsed;
}

async function deploy(abi: unknown, bytecode: string, signer: Signer, args: unknown[] = []): Promise<{ contract: Contract; gas: bigint }> {
  const contract = (await new ContractFactory(abi as never, bytecode, signer).deploy(...args)) as Contract;
  const receipt = await contract.deploymentTransaction()!.wait();
  return { contract, gas: receipt!.gasUsed };
}

/**
 * Case 3: bookkeeping gas from real receipts on one `hardhat node` — our Migrator (as shipped:
 * the pre-compiled artifact) against Truffle's Migrations.sol compiled with the same solc.
 */
export async function bookkeepingGasCase(_options: BenchOptions, nodeUrl: string): Promise<CaseReport> {
  const chain = new CleanChain(nodeUrl);
  await chain.reset();
  const provider = new JsonRpcProvider(nodeUrl, undefined, { staticNetwork: true, batchMaxCount: 1 });
  const signer = await provider.getSigner(0);
  const hash = keccakText("migration file content");
  const timestamp = 1_790_000_000_000;

  // Once per chain, shared by every project's Migrator: the MigratorAdmin its rare calls run in.
  const admin = await deploy(MIGRATOR_ADMIN_ARTIFACT.abi, MIGRATOR_ADMIN_ARTIFACT.bytecode, signer);
  const ours = await deploy(MIGRATOR_ARTIFACT.abi, MIGRATOR_ARTIFACT.bytecode, signer, [await signer.getAddress(), await admin.contract.getAddress()]);
  let version = 0n;
  // Each record names the version it was computed from (the compare-and-swap guard).
  const record = (id: number) => gasOf(ours.contract.getFunction("record")((version++ << 64n) | BigInt(id), hash));
  const oursGas = {
    deployment: ours.gas,
    adminOncePerChain: admin.gas,
    first: await record(1),
    laterSmall: await record(2),
    firstInWordAbove96: await record(200),
    sharingWordAbove96: await record(201),
    firstTimestamp: await record(timestamp),
    laterTimestamp: await record(timestamp + 1000),
  };

  const truffleBuild = compileTruffleMigrations();
  const truffle = await deploy(truffleBuild.abi, truffleBuild.bytecode, signer);
  const setCompleted = (id: number) => gasOf(truffle.contract.getFunction("setCompleted")(id));
  const truffleGas = {
    deployment: truffle.gas,
    first: await setCompleted(1),
    laterSmall: await setCompleted(2),
    firstInWordAbove96: await setCompleted(200),
    sharingWordAbove96: await setCompleted(201),
    firstTimestamp: await setCompleted(timestamp),
    laterTimestamp: await setCompleted(timestamp + 1000),
  };
  provider.destroy();
  await chain.reset();

  const rows: string[][] = [
    ["", "Migrator (ours)", "Truffle Migrations.sol"],
    ["deployment", thousands(oursGas.deployment), thousands(truffleGas.deployment)],
    ["MigratorAdmin, once per chain (shared)", thousands(oursGas.adminOncePerChain), "-"],
    ["record migration 1 (first record)", thousands(oursGas.first), thousands(truffleGas.first)],
    ["record a later small id (2)", thousands(oursGas.laterSmall), thousands(truffleGas.laterSmall)],
    ["record id 200 (first in its 128-id word)", thousands(oursGas.firstInWordAbove96), thousands(truffleGas.firstInWordAbove96)],
    ["record id 201 (sharing that word)", thousands(oursGas.sharingWordAbove96), thousands(truffleGas.sharingWordAbove96)],
    ["record a timestamp id (first)", thousands(oursGas.firstTimestamp), thousands(truffleGas.firstTimestamp)],
    ["record a later timestamp id", thousands(oursGas.laterTimestamp), thousands(truffleGas.laterTimestamp)],
  ];
  return {
    title: "Case 3: bookkeeping gas (receipts on `hardhat node`)",
    lines: [
      table(rows),
      `Truffle's Migrations.sol compiled here with solc ${truffleBuild.version} (optimizer 200 runs, cancun); the Migrator is the shipped pre-compiled artifact (same solc, via-IR, 200 runs).`,
      "Ours keeps one slot (owner | version) and the set of ids with each content hash in events, every record a compare-and-swap on the version (a second runner recording the same id reverts); Truffle's stores one number.",
    ],
    targets: [
      {
        name: "case 3: Migrator deployment below Truffle's Migrations.sol",
        target: `< ${thousands(truffleGas.deployment)}`,
        measured: thousands(oursGas.deployment),
        met: oursGas.deployment < truffleGas.deployment,
      },
      {
        name: "case 3: record id 200 (a new 128-id word in the old design) below Truffle's",
        target: `< ${thousands(truffleGas.firstInWordAbove96)}`,
        measured: thousands(oursGas.firstInWordAbove96),
        met: oursGas.firstInWordAbove96 < truffleGas.firstInWordAbove96,
      },
      {
        name: "case 3: record the first timestamp id below Truffle's",
        target: `< ${thousands(truffleGas.firstTimestamp)}`,
        measured: thousands(oursGas.firstTimestamp),
        met: oursGas.firstTimestamp < truffleGas.firstTimestamp,
      },
      {
        name: "case 3: per-record gas, later small id, below Truffle's",
        target: `< ${thousands(truffleGas.laterSmall)} (Truffle setCompleted, later)`,
        measured: thousands(oursGas.laterSmall),
        met: oursGas.laterSmall < truffleGas.laterSmall,
      },
      {
        name: "case 3: per-record gas, first record, below Truffle's later record",
        target: `< ${thousands(truffleGas.laterSmall)}`,
        measured: thousands(oursGas.first),
        met: oursGas.first < truffleGas.laterSmall,
      },
      {
        name: "case 3: per-record gas, later timestamp id, below Truffle's",
        target: `< ${thousands(truffleGas.laterTimestamp)}`,
        measured: thousands(oursGas.laterTimestamp),
        met: oursGas.laterTimestamp < truffleGas.laterTimestamp,
      },
    ],
    data: { ours: mapBig(oursGas), truffle: mapBig(truffleGas), truffleSolc: truffleBuild.version },
  };
}

function mapBig(o: Record<string, bigint>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.toString()]));
}
