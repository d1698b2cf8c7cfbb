import { readFile } from "node:fs/promises";
import path from "node:path";

import { checksumAddress as getAddress } from "../eth/address.js";

import { MigrationsError, describeError } from "../errors.js";
import type { DeploymentRecord } from "../registry/registry-document.js";
import { openSession, type MigrationHost } from "../session.js";
import { requireCode } from "./check-code.js";
import { parseIgnitionJournal, type IgnitionFuture } from "./ignition-journal.js";
import { recordCompletedUpTo } from "./record-completed.js";

export interface ImportIgnitionOptions {
  /** The Ignition deployment folder, e.g. `ignition/deployments/chain-11155111`. */
  readonly dir: string;
  /** Also record every migration with an id up to this one as completed. */
  readonly completed?: number;
}

export interface ImportIgnitionResult {
  readonly network: { readonly name: string; readonly chainId: number };
  /** Registry names written, each with the Ignition future it came from. */
  readonly imported: ReadonlyArray<{ readonly name: string; readonly futureId: string }>;
  readonly unchanged: readonly string[];
  /** Futures not imported: started but not completed, or failed. */
  readonly skipped: ReadonlyArray<{ readonly futureId: string; readonly reason: string }>;
  readonly recorded: readonly number[];
}

/**
 * Imports a Hardhat Ignition deployment folder into the connected chain's registry. Each
 * completed contract or library deployment (and each `contractAt`) becomes a registry entry named
 * after its future's id within the module (`CounterModule#Counter` → `Counter`; the full future id
 * when two modules use the same one), with its artifact, transaction, block, deployer, constructor
 * arguments and libraries from Ignition's journal. The folder's chain id is checked, and every
 * address must hold code, before anything is written.
 */
export async function importIgnition<ContextT>(host: MigrationHost<ContextT>, options: ImportIgnitionOptions): Promise<ImportIgnitionResult> {
  const { dir } = options;
  const journalFile = path.join(dir, "journal.jsonl");
  let text: string;
  try {
    text = await readFile(journalFile, "utf8");
  } catch (error) {
    throw new MigrationsError("IGNITION_DEPLOYMENT_NOT_FOUND", { dir, reason: describeError(error) }, { cause: error });
  }
  const journal = parseIgnitionJournal(text, journalFile);
  const session = await openSession(host, () => {});
  if (journal.chainId !== session.chain.chainId) {
    throw new MigrationsError("IGNITION_WRONG_CHAIN", {
      dir,
      fileChainId: String(journal.chainId ?? "unknown"),
      network: host.networkName,
      chainId: session.chain.chainId,
    });
  }

  const done = journal.futures.filter((f) => f.result === "SUCCESS" && f.address !== undefined);
  const skipped = journal.futures
    .filter((f) => !done.includes(f))
    .map((f) => ({ futureId: f.futureId, reason: f.result === undefined ? "not completed" : `ended with ${f.result}` }));
  if (done.length === 0) {
    throw new MigrationsError("IGNITION_DEPLOYMENT_NOT_FOUND", { dir, reason: "its journal has no completed contract deployment" });
  }
  const names = registryNames(done);
  const found: Array<{ name: string; futureId: string; record: DeploymentRecord }> = [];
  for (const future of done) {
    found.push({ name: names.get(future.futureId)!, futureId: future.futureId, record: await deploymentRecord(dir, future) });
  }
  await requireCode(
    host.provider,
    found.map(({ name, record }) => ({ name, address: record.address })),
    { source: dir, network: host.networkName, chainId: session.chain.chainId },
  );

  const imported: Array<{ name: string; futureId: string }> = [];
  const unchanged: string[] = [];
  for (const { name, futureId, record } of found) {
    if (session.registry.has(name) && session.registry.get(name).address === record.address) {
      unchanged.push(name);
      continue;
    }
    await session.registry.recordDeployment(name, record);
    imported.push({ name, futureId });
  }
  const recorded = options.completed === undefined ? [] : await recordCompletedUpTo(host, session, options.completed);
  return { network: session.network, imported, unchanged, skipped, recorded };
}

/** `Module#Name` → `Name`, unless another module's future has the same local name. */
function registryNames(futures: readonly IgnitionFuture[]): Map<string, string> {
  const local = (futureId: string) => futureId.slice(futureId.indexOf("#") + 1);
  const count = new Map<string, number>();
  for (const f of futures) {
    count.set(local(f.futureId), (count.get(local(f.futureId)) ?? 0) + 1);
  }
  return new Map(futures.map((f) => [f.futureId, count.get(local(f.futureId)) === 1 ? local(f.futureId) : f.futureId]));
}

async function deploymentRecord(dir: string, future: IgnitionFuture): Promise<DeploymentRecord> {
  return {
    address: getAddress(future.address!),
    artifact: await artifactName(dir, future),
    transactionHash: future.transactionHash ?? "",
    blockNumber: future.blockNumber ?? 0,
    deployer: future.from !== undefined ? getAddress(future.from) : "",
    args: future.constructorArgs,
    ...(Object.keys(future.libraries).length > 0
      ? { libraries: Object.fromEntries(Object.entries(future.libraries).map(([lib, a]) => [lib, getAddress(a)])) }
      : {}),
    // 0: deployed before this plugin's migrations (imported).
    migration: 0,
  };
}

/** The fully qualified name from the artifact Ignition kept for the future (else its contract name). */
async function artifactName(dir: string, future: IgnitionFuture): Promise<string> {
  try {
    const artifact = JSON.parse(await readFile(path.join(dir, "artifacts", `${future.artifactId}.json`), "utf8")) as {
      sourceName?: string;
      contractName?: string;
    };
    if (artifact.sourceName !== undefined && artifact.contractName !== undefined) {
      return `${artifact.sourceName}:${artifact.contractName}`;
    }
  } catch {
    // No artifact kept (an older Ignition): the contract name is what the project resolves.
  }
  return future.contractName;
}
