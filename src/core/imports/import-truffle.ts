import { readFile, readdir } from "node:fs/promises";
import path from "node:path";

import { checksumAddress as getAddress } from "../eth/address.js";
import { decodeFunctionResult, encodeFunctionCall } from "../eth/abi-function.js";

import type { ArtifactResolver } from "../artifacts.js";
import { MigrationsError, describeError } from "../errors.js";
import type { Eip1193Provider } from "../provider.js";
import type { DeploymentRecord } from "../registry/registry-document.js";
import { openSession, type MigrationHost } from "../session.js";
import { requireCode } from "./check-code.js";
import { recordCompletedUpTo } from "./record-completed.js";

/** One contract of a Truffle `build/contracts/<Name>.json` deployed on some network. */
interface TruffleArtifact {
  readonly contractName: string;
  readonly sourcePath?: string;
  readonly networks?: Readonly<Record<string, { address?: string; transactionHash?: string; links?: Record<string, string> }>>;
}

export interface ImportTruffleOptions {
  /** The Truffle project's `build/contracts`. */
  readonly buildDir: string;
  /** Number of the last Truffle migration that ran; default: read from Truffle's Migrations contract. */
  readonly completed?: number;
}

export interface ImportTruffleResult {
  readonly network: { readonly name: string; readonly chainId: number };
  /** Registry names added (or moved to the Truffle address). */
  readonly imported: readonly string[];
  /** Names already registered at the same address. */
  readonly unchanged: readonly string[];
  /** Where the completed number came from, and the migration ids recorded as completed. */
  readonly lastCompleted: { readonly value: number; readonly from: "Migrations contract" | "option" };
  readonly recorded: readonly number[];
}

const LAST_COMPLETED: readonly string[] = ["function last_completed_migration() view returns (uint256)"];

/**
 * Reads a Truffle build directory's `networks` entries for the connected chain (keyed by its
 * chain id or its `net_version`), records each contract in the registry, and records as completed
 * every migration whose id is at most Truffle's `last_completed_migration` (read from the
 * project's `Migrations` contract on this chain, or given), so none of them runs again.
 */
export async function importTruffle<ContextT>(host: MigrationHost<ContextT>, options: ImportTruffleOptions): Promise<ImportTruffleResult> {
  const artifacts = await readTruffleBuild(options.buildDir);
  const session = await openSession(host, () => {});
  const netVersion = String(await host.provider.request({ method: "net_version" }).catch(() => session.chain.chainId));
  const keys = new Set([String(session.chain.chainId), netVersion]);

  const found: Array<{ artifact: TruffleArtifact; address: string; deployment: { transactionHash?: string; links?: Record<string, string> } }> = [];
  for (const artifact of artifacts) {
    const deployment = Object.entries(artifact.networks ?? {}).find(([key, d]) => keys.has(key) && typeof d.address === "string")?.[1];
    if (deployment !== undefined) {
      found.push({ artifact, address: getAddress(deployment.address!), deployment });
    }
  }

  // Everything is checked before anything is written: a refusal changes nothing.
  await requireCode(
    host.provider,
    found.map((f) => ({ name: f.artifact.contractName, address: f.address })),
    { source: options.buildDir, network: host.networkName, chainId: session.chain.chainId },
  );
  let lastCompleted: ImportTruffleResult["lastCompleted"];
  if (options.completed !== undefined) {
    lastCompleted = { value: options.completed, from: "option" };
  } else {
    const migrations = found.find((f) => f.artifact.contractName === "Migrations")?.address;
    lastCompleted = { value: await readLastCompleted(host, migrations), from: "Migrations contract" };
  }

  const imported: string[] = [];
  const unchanged: string[] = [];
  for (const { artifact, address, deployment } of found) {
    const name = artifact.contractName;
    if (session.registry.has(name) && session.registry.get(name).address === address) {
      unchanged.push(name);
      continue;
    }
    await session.registry.recordDeployment(name, await deploymentRecord(host.provider, host.artifacts, artifact, address, deployment));
    imported.push(name);
  }

  const recorded = await recordCompletedUpTo(host, session, lastCompleted.value);
  return { network: session.network, imported, unchanged, lastCompleted, recorded };
}

async function readTruffleBuild(dir: string): Promise<TruffleArtifact[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  } catch (error) {
    throw new MigrationsError("TRUFFLE_BUILD_NOT_FOUND", { dir, reason: describeError(error) }, { cause: error });
  }
  const artifacts: TruffleArtifact[] = [];
  for (const file of files) {
    const parsed = JSON.parse(await readFile(path.join(dir, file), "utf8")) as Partial<TruffleArtifact>;
    if (typeof parsed.contractName === "string") {
      artifacts.push(parsed as TruffleArtifact);
    }
  }
  if (artifacts.length === 0) {
    throw new MigrationsError("TRUFFLE_BUILD_NOT_FOUND", { dir, reason: "no file there is a Truffle artifact (with a contractName)" });
  }
  return artifacts;
}

/** The registry record of a Truffle deployment, with what the chain still knows about it. */
async function deploymentRecord(
  provider: Eip1193Provider,
  resolver: ArtifactResolver,
  artifact: TruffleArtifact,
  address: string,
  deployment: { transactionHash?: string; links?: Record<string, string> },
): Promise<DeploymentRecord> {
  // The Hardhat artifact of the same contract, when the project still compiles it.
  let artifactName = artifact.contractName;
  try {
    const compiled = await resolver.readArtifact(artifact.contractName);
    artifactName = `${compiled.sourceName}:${compiled.contractName}`;
  } catch {
    // Keep the bare name: `registry.get` works, `registry.contract` needs the artifact.
  }
  const receipt =
    deployment.transactionHash === undefined
      ? null
      : ((await provider.request({ method: "eth_getTransactionReceipt", params: [deployment.transactionHash] }).catch(() => null)) as {
          blockNumber?: string;
          from?: string;
        } | null);
  const links = Object.fromEntries(Object.entries(deployment.links ?? {}).map(([lib, a]) => [lib, getAddress(a)]));
  return {
    address,
    artifact: artifactName,
    transactionHash: deployment.transactionHash ?? "",
    blockNumber: receipt?.blockNumber !== undefined ? Number(BigInt(receipt.blockNumber)) : 0,
    deployer: receipt?.from !== undefined ? getAddress(receipt.from) : "",
    args: [],
    ...(Object.keys(links).length > 0 ? { libraries: links } : {}),
    // 0: deployed by Truffle, before this plugin's migrations.
    migration: 0,
  };
}

async function readLastCompleted<ContextT>(host: MigrationHost<ContextT>, address: string | undefined): Promise<number> {
  if (address === undefined) {
    throw new MigrationsError("TRUFFLE_COMPLETED_UNKNOWN", { network: host.networkName, reason: "the build has no Migrations contract deployed on this chain" });
  }
  try {
    const data = (await host.provider.request({
      method: "eth_call",
      params: [{ to: address, data: encodeFunctionCall(LAST_COMPLETED, "last_completed_migration") }, "latest"],
    })) as string;
    return Number(decodeFunctionResult(LAST_COMPLETED, "last_completed_migration", data)[0] as bigint);
  } catch (error) {
    throw new MigrationsError("TRUFFLE_COMPLETED_UNKNOWN", { network: host.networkName, reason: `Migrations at ${address} did not answer last_completed_migration() (${describeError(error)})` }, { cause: error });
  }
}
