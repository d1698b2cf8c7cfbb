import { readFile, readdir } from "node:fs/promises";
import path from "node:path";

import { decodeConstructorArgs } from "../eth/abi-constructor.js";
import { checksumAddress as getAddress } from "../eth/address.js";

import type { ArtifactResolver } from "../artifacts.js";
import { MigrationsError, describeError } from "../errors.js";
import type { DeploymentRecord, JsonValue } from "../registry/registry-document.js";
import { openSession, type MigrationHost } from "../session.js";
import { requireCode } from "./check-code.js";
import { recordCompletedUpTo } from "./record-completed.js";

/**
 * One `deployments/<network>/<Name>.json` of hardhat-deploy. v1 (hardhat-deploy 0.x) writes
 * `transactionHash`, `receipt.from`, `receipt.blockNumber` (a number) and `args`; v2
 * (hardhat-deploy 2 / rocketh) writes `transaction: { hash, origin }`, `receipt.blockNumber`
 * (a hex quantity) and `argsData`, plus `contractName`/`sourceName`.
 */
interface HardhatDeployDeployment {
  readonly address?: string;
  readonly abi?: readonly unknown[];
  readonly transactionHash?: string;
  readonly transaction?: { readonly hash?: string; readonly origin?: string };
  readonly receipt?: { readonly from?: string; readonly blockNumber?: number | string };
  readonly args?: readonly unknown[];
  readonly argsData?: string;
  readonly libraries?: Readonly<Record<string, string>>;
  readonly contractName?: string;
  readonly sourceName?: string;
  readonly metadata?: string;
}

export interface ImportHardhatDeployOptions {
  /** The hardhat-deploy network folder, e.g. `deployments/sepolia`. */
  readonly dir: string;
  /** Also record every migration with an id up to this one as completed. */
  readonly completed?: number;
}

export interface ImportHardhatDeployResult {
  readonly network: { readonly name: string; readonly chainId: number };
  /** `v1` (`.chainId` file) or `v2` (`.chain` file with the genesis hash). */
  readonly format: "v1" | "v2";
  readonly imported: readonly string[];
  readonly unchanged: readonly string[];
  readonly recorded: readonly number[];
}

/**
 * Imports a hardhat-deploy network folder into the connected chain's registry: each
 * `<Name>.json` becomes the registry entry `<Name>` (address, artifact, transaction, block,
 * deployer, constructor arguments, libraries). The folder must belong to the connected chain:
 * its chain id (and, for v2, genesis hash) are checked before anything is written.
 */
export async function importHardhatDeploy<ContextT>(
  host: MigrationHost<ContextT>,
  options: ImportHardhatDeployOptions,
): Promise<ImportHardhatDeployResult> {
  const { dir } = options;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new MigrationsError("HARDHAT_DEPLOY_NOT_FOUND", { dir, reason: describeError(error) }, { cause: error });
  }
  let format: "v1" | "v2";
  let chain: { chainId: number; genesisHash?: string };
  if (names.includes(".chain")) {
    const parsed = JSON.parse(await readFile(path.join(dir, ".chain"), "utf8")) as { chainId?: string | number; genesisHash?: string };
    format = "v2";
    chain = { chainId: Number(parsed.chainId), ...(parsed.genesisHash !== undefined ? { genesisHash: parsed.genesisHash } : {}) };
  } else if (names.includes(".chainId")) {
    format = "v1";
    chain = { chainId: Number((await readFile(path.join(dir, ".chainId"), "utf8")).trim()) };
  } else {
    throw new MigrationsError("HARDHAT_DEPLOY_NOT_FOUND", { dir, reason: "it has neither a .chain (v2) nor a .chainId (v1) file" });
  }

  const session = await openSession(host, () => {});
  const genesisDiffers = chain.genesisHash !== undefined && chain.genesisHash.toLowerCase() !== session.chain.genesisHash.toLowerCase();
  if (chain.chainId !== session.chain.chainId || genesisDiffers) {
    throw new MigrationsError("HARDHAT_DEPLOY_WRONG_CHAIN", {
      dir,
      what: `chain ${chain.chainId}${chain.genesisHash !== undefined ? ` (genesis ${chain.genesisHash})` : ""}`,
      network: host.networkName,
      chainId: session.chain.chainId,
      genesis: session.chain.genesisHash,
    });
  }

  const files = names.filter((n) => n.endsWith(".json") && !n.startsWith(".")).sort();
  const found: Array<{ name: string; record: DeploymentRecord }> = [];
  for (const file of files) {
    const deployment = JSON.parse(await readFile(path.join(dir, file), "utf8")) as HardhatDeployDeployment;
    if (typeof deployment.address !== "string") {
      continue;
    }
    found.push({ name: file.slice(0, -".json".length), record: await deploymentRecord(host.artifacts, file.slice(0, -".json".length), deployment) });
  }
  if (found.length === 0) {
    throw new MigrationsError("HARDHAT_DEPLOY_NOT_FOUND", { dir, reason: "no <Name>.json file with an address" });
  }

  await requireCode(
    host.provider,
    found.map(({ name, record }) => ({ name, address: record.address })),
    { source: dir, network: host.networkName, chainId: session.chain.chainId },
  );
  const imported: string[] = [];
  const unchanged: string[] = [];
  for (const { name, record } of found) {
    if (session.registry.has(name) && session.registry.get(name).address === record.address) {
      unchanged.push(name);
      continue;
    }
    await session.registry.recordDeployment(name, record);
    imported.push(name);
  }
  const recorded = options.completed === undefined ? [] : await recordCompletedUpTo(host, session, options.completed);
  return { network: session.network, format, imported, unchanged, recorded };
}

async function deploymentRecord(resolver: ArtifactResolver, name: string, d: HardhatDeployDeployment): Promise<DeploymentRecord> {
  const blockNumber = d.receipt?.blockNumber;
  const deployer = d.receipt?.from ?? d.transaction?.origin;
  return {
    address: getAddress(d.address!),
    artifact: await artifactName(resolver, name, d),
    transactionHash: d.transactionHash ?? d.transaction?.hash ?? "",
    blockNumber: blockNumber === undefined ? 0 : Number(BigInt(blockNumber)),
    deployer: deployer !== undefined ? getAddress(deployer) : "",
    args: constructorArgs(d),
    ...(d.libraries !== undefined && Object.keys(d.libraries).length > 0
      ? { libraries: Object.fromEntries(Object.entries(d.libraries).map(([lib, a]) => [lib, getAddress(a)])) }
      : {}),
    // 0: deployed before this plugin's migrations (imported).
    migration: 0,
  };
}

/**
 * The project's artifact for the deployment: v2's `sourceName:contractName`, v1's metadata
 * compilation target, or the deployment's name — the first the project compiles (else the first).
 */
async function artifactName(resolver: ArtifactResolver, name: string, d: HardhatDeployDeployment): Promise<string> {
  const candidates: string[] = [];
  if (d.sourceName !== undefined && d.contractName !== undefined) {
    candidates.push(`${d.sourceName}:${d.contractName}`);
  }
  try {
    const target = (JSON.parse(d.metadata ?? "{}") as { settings?: { compilationTarget?: Record<string, string> } }).settings?.compilationTarget;
    for (const [source, contract] of Object.entries(target ?? {})) {
      candidates.push(`${source}:${contract}`);
    }
  } catch {
    // Metadata that is not JSON: ignore it.
  }
  if (d.contractName !== undefined) {
    candidates.push(d.contractName);
  }
  candidates.push(name);
  for (const candidate of candidates) {
    try {
      const artifact = await resolver.readArtifact(candidate);
      return `${artifact.sourceName}:${artifact.contractName}`;
    } catch {
      // Not compiled by this project under that name.
    }
  }
  return candidates[0]!;
}

/** Constructor arguments as the registry keeps them (integers as decimal strings). */
function constructorArgs(d: HardhatDeployDeployment): JsonValue[] {
  if (d.argsData !== undefined && d.argsData !== "0x" && d.abi !== undefined) {
    try {
      return toJson(decodeConstructorArgs(d.abi, d.argsData)) as JsonValue[];
    } catch {
      return [];
    }
  }
  return toJson(d.args ?? []) as JsonValue[];
}

function toJson(value: unknown): JsonValue {
  if (typeof value === "bigint") {
    return value.toString();
  }
  if (Array.isArray(value)) {
    return value.map(toJson);
  }
  if (value !== null && typeof value === "object") {
    // ethers v5 BigNumber as hardhat-deploy v1 serialises it: { type: "BigNumber", hex }.
    const hex = (value as { hex?: unknown; _hex?: unknown }).hex ?? (value as { _hex?: unknown })._hex;
    if (typeof hex === "string") {
      return BigInt(hex).toString();
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  }
  return (value ?? null) as JsonValue;
}
