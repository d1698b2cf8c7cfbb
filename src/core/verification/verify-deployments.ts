import { describeError } from "../errors.js";
import type { Eip1193Provider } from "../provider.js";
import type { Registry } from "../registry/registry.js";
import type { RegistryEntry, VerificationRecord } from "../registry/registry-document.js";
import type { FileKeptBuilds, KeptBuild } from "./kept-builds.js";

/** What the engine asks of a block explorer (the adapter implements it over hardhat-verify). */
export interface VerificationExplorer {
  /** The key of its records in the registry, e.g. `etherscan`. */
  readonly name: string;
  contractUrl(address: string): Promise<string>;
  isVerified(address: string): Promise<boolean>;
  /** Submits the source and waits for the verdict. `alreadyVerified`: the explorer had it already. */
  submit(request: VerificationRequest): Promise<{ readonly verified: boolean; readonly message: string }>;
}

export interface VerificationRequest {
  readonly address: string;
  /** `<input source name>:<contract name>` */
  readonly contractName: string;
  /** e.g. `v0.8.37+commit.f401782d` */
  readonly compilerVersion: string;
  readonly input: KeptBuild["input"];
  /** ABI-encoded, without 0x. */
  readonly constructorArguments: string;
}

/** One deployed address to verify: a registry entry, or a proxy entry's implementation. */
export interface VerificationTarget {
  readonly name: string;
  readonly role: "contract" | "implementation" | "proxy";
  readonly address: string;
  readonly artifact: string;
  readonly transactionHash: string;
  readonly buildInfoId: string | undefined;
  readonly libraries: Readonly<Record<string, string>>;
  readonly verification: VerificationRecord | undefined;
}

export interface VerificationOutcome {
  readonly name: string;
  readonly role: VerificationTarget["role"];
  readonly address: string;
  readonly status: "verified" | "failed" | "skipped";
  readonly message: string;
  readonly url?: string;
}

/** The addresses of `entries` to verify on `explorer`, entries of migration `migration` only when given. */
export function verificationTargets(entries: Record<string, RegistryEntry>, explorer: string, migration?: number): VerificationTarget[] {
  const targets: VerificationTarget[] = [];
  for (const [name, entry] of Object.entries(entries)) {
    if (migration !== undefined && entry.migration !== migration) {
      continue;
    }
    const common = { name, artifact: entry.artifact, libraries: entry.libraries ?? {} };
    if (entry.proxy === undefined) {
      targets.push({
        ...common,
        role: "contract",
        address: entry.address,
        transactionHash: entry.transactionHash,
        buildInfoId: entry.buildInfoId,
        verification: entry.verification?.[explorer],
      });
      continue;
    }
    targets.push({
      ...common,
      role: "implementation",
      address: entry.proxy.implementation,
      transactionHash: entry.proxy.implementationTransactionHash,
      buildInfoId: entry.proxy.buildInfoId,
      verification: entry.proxy.implementationVerification?.[explorer],
    });
    targets.push({ ...common, role: "proxy", address: entry.address, transactionHash: entry.transactionHash, buildInfoId: undefined, verification: undefined });
  }
  return targets;
}

export interface VerifyDependencies {
  readonly registry: Registry;
  readonly explorer: VerificationExplorer;
  readonly builds: FileKeptBuilds;
  readonly provider: Eip1193Provider;
  /** Keeps a build Hardhat still has (for entries deployed before builds were kept). */
  readonly keepFromArtifacts?: (buildInfoId: string) => Promise<void>;
  /**
   * The build of `artifact` as compiled now, tried when the deployment's own build is neither
   * kept nor in Hardhat's artifacts (the explorer refuses it if the sources changed since).
   */
  readonly currentBuild?: (artifact: string) => Promise<KeptBuild | undefined>;
  readonly onOutcome?: (outcome: VerificationOutcome) => void;
}

/**
 * Verifies each target not verified yet on the explorer, from its kept compiler input, and
 * records the explorer's verdict in the registry (a failure too, with the explorer's message).
 * Constructor arguments are the creation transaction's input after the creation code: the chain
 * never changes, whereas re-encoding the registry's decoded arguments would need the contract's
 * current ABI, which may have changed since.
 */
export async function verifyTargets(deps: VerifyDependencies, targets: readonly VerificationTarget[]): Promise<VerificationOutcome[]> {
  const outcomes: VerificationOutcome[] = [];
  for (const target of targets) {
    const outcome = await verifyOne(deps, target);
    outcomes.push(outcome);
    deps.onOutcome?.(outcome);
  }
  return outcomes;
}

async function verifyOne(deps: VerifyDependencies, target: VerificationTarget): Promise<VerificationOutcome> {
  const { explorer, registry } = deps;
  const base = { name: target.name, role: target.role, address: target.address };
  if (target.verification?.status === "verified") {
    return { ...base, status: "verified", message: "already recorded as verified", ...(target.verification.url !== undefined ? { url: target.verification.url } : {}) };
  }
  if (target.role === "proxy") {
    return { ...base, status: "skipped", message: "the plugin ships its proxy contracts pre-compiled without their compiler input, so the proxy itself cannot be verified yet (its implementation is)" };
  }
  let record: VerificationRecord;
  let url: string | undefined;
  try {
    url = await explorer.contractUrl(target.address);
    if (await explorer.isVerified(target.address)) {
      record = { status: "verified", url };
    } else {
      const kept = target.buildInfoId === undefined ? undefined : await keptBuild(deps, target.buildInfoId);
      const build = kept ?? (await deps.currentBuild?.(target.artifact));
      if (build === undefined) {
        return { ...base, status: "skipped", message: `its compiler input (build ${target.buildInfoId ?? "not recorded"}) was not kept and its contract is no longer compiled` };
      }
      const verdict = await explorer.submit(await verificationRequest(deps.provider, build, target));
      const from = kept === undefined ? ` (submitted the current sources: its compiler input, build ${target.buildInfoId ?? "not recorded"}, was not kept)` : "";
      record = verdict.verified ? { status: "verified", url } : { status: "failed", url, message: verdict.message + from };
    }
  } catch (error) {
    record = { status: "failed", ...(url !== undefined ? { url } : {}), message: describeError(error) };
  }
  await registry.recordVerification(target.name, target.address, explorer.name, record);
  return { ...base, status: record.status, message: record.message ?? "verified", ...(record.url !== undefined ? { url: record.url } : {}) };
}

/** The deployment's own build: kept, or kept now from Hardhat's artifacts if they still have it. */
async function keptBuild(deps: VerifyDependencies, id: string): Promise<KeptBuild | undefined> {
  const kept = await deps.builds.read(id);
  if (kept !== undefined) {
    return kept;
  }
  await deps.keepFromArtifacts?.(id);
  return deps.builds.read(id);
}

/** The explorer request for `target`: the kept input with its libraries, and the arguments from its creation transaction. */
export async function verificationRequest(provider: Eip1193Provider, build: KeptBuild, target: VerificationTarget): Promise<VerificationRequest> {
  const contract = build.contracts[target.artifact];
  if (contract === undefined) {
    throw new Error(`the kept build ${build.id} has no contract ${target.artifact}`);
  }
  const libraries: Record<string, Record<string, string>> = {};
  for (const lib of contract.libraries) {
    const address = target.libraries[`${lib.inputSourceName.replace(/^project\//, "")}:${lib.name}`] ?? target.libraries[lib.name];
    if (address === undefined) {
      throw new Error(`the registry does not record the address of its library ${lib.name}`);
    }
    libraries[lib.inputSourceName] = { ...libraries[lib.inputSourceName], [lib.name]: address };
  }
  const tx = (await provider.request({ method: "eth_getTransactionByHash", params: [target.transactionHash] })) as { input?: string } | null;
  if (tx?.input === undefined) {
    throw new Error(`the node does not know its creation transaction ${target.transactionHash}`);
  }
  const input = Object.keys(libraries).length === 0 ? build.input : { ...build.input, settings: { ...build.input.settings, libraries } };
  return {
    address: target.address,
    contractName: `${contract.inputSourceName}:${target.artifact.split(":").pop()!}`,
    compilerVersion: `v${build.solcLongVersion}`,
    input,
    constructorArguments: tx.input.replace(/^0x/, "").slice(contract.creationCodeLength * 2),
  };
}
