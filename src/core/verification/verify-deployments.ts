import { encodeParameters } from "../eth/abi-parameters.js";
import { ZERO_HASH } from "../eth/hex.js";
import { describeError } from "../errors.js";
import type { Eip1193Provider } from "../provider.js";
import type { Registry } from "../registry/registry.js";
import type { MigratorRecord, RegistryEntry, VerificationRecord } from "../registry/registry-document.js";
import type { FileKeptBuilds, KeptBuild } from "./kept-builds.js";
import { shippedArtifactName, shippedBuild, type ShippedContract } from "./shipped-builds.js";

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
  /** The transaction that created the address, when known (Sourcify matches the creation code against it). */
  readonly creationTransactionHash?: string;
}

/**
 * One deployed address to verify: a registry entry, a proxy entry's implementation or proxy
 * contract, or the chain's Migrator and MigratorAdmin.
 */
export interface VerificationTarget {
  readonly name: string;
  readonly role: "contract" | "implementation" | "proxy" | "migrator" | "migrator-admin";
  readonly address: string;
  readonly artifact: string;
  /** Its creation transaction (`""` when not known: then `constructorArguments` says them). */
  readonly transactionHash: string;
  /** A contract the plugin ships pre-compiled: verified from the compiler input shipped with it. */
  readonly shipped?: ShippedContract;
  /** ABI-encoded without 0x, when there is no creation transaction to take them from. */
  readonly constructorArguments?: string;
  readonly buildInfoId: string | undefined;
  readonly libraries: Readonly<Record<string, string>>;
  readonly verification: VerificationRecord | undefined;
}

export interface VerificationOutcome {
  /** The explorer's registry key, e.g. `etherscan`, `sourcify`. */
  readonly explorer: string;
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
    const shipped = entry.proxy.kind === "uups" ? "ERC1967Proxy" : "TransparentUpgradeableProxy";
    targets.push({
      ...common,
      role: "proxy",
      address: entry.address,
      artifact: shippedArtifactName(shipped),
      shipped,
      transactionHash: entry.transactionHash,
      buildInfoId: undefined,
      verification: entry.verification?.[explorer],
    });
  }
  return targets;
}

/**
 * The chain's Migrator (the shipped design) and its MigratorAdmin, to verify on `explorer`; none
 * for a custom or earlier-design Migrator (the plugin does not have their sources). The
 * MigratorAdmin takes no constructor arguments; the Migrator's are its first owner and admin.
 */
export function migratorTargets(migrator: MigratorRecord | undefined, explorer: string): VerificationTarget[] {
  if (migrator?.design !== 2 || migrator.admin === undefined) {
    return [];
  }
  const common = { libraries: {}, buildInfoId: undefined };
  const created = migrator.transactionHash !== ZERO_HASH;
  return [
    {
      ...common,
      name: "MigratorAdmin",
      role: "migrator-admin",
      address: migrator.admin,
      artifact: shippedArtifactName("MigratorAdmin"),
      shipped: "MigratorAdmin",
      transactionHash: "",
      constructorArguments: "",
      verification: migrator.adminVerification?.[explorer],
    },
    {
      ...common,
      name: "Migrator",
      role: "migrator",
      address: migrator.address,
      artifact: shippedArtifactName("Migrator"),
      shipped: "Migrator",
      transactionHash: created ? migrator.transactionHash : "",
      ...(created ? {} : { constructorArguments: encodeParameters(["address", "address"], [migrator.deployer, migrator.admin]).slice(2) }),
      verification: migrator.verification?.[explorer],
    },
  ];
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
  const base = { explorer: explorer.name, name: target.name, role: target.role, address: target.address };
  if (target.verification?.status === "verified") {
    return { ...base, status: "verified", message: "already recorded as verified", ...(target.verification.url !== undefined ? { url: target.verification.url } : {}) };
  }
  let record: VerificationRecord;
  let url: string | undefined;
  try {
    url = await explorer.contractUrl(target.address);
    if (await explorer.isVerified(target.address)) {
      record = { status: "verified", url };
    } else {
      const kept = target.shipped !== undefined ? await shippedBuild(target.shipped) : target.buildInfoId === undefined ? undefined : await keptBuild(deps, target.buildInfoId);
      const build = kept ?? (target.shipped === undefined ? await deps.currentBuild?.(target.artifact) : undefined);
      if (build === undefined) {
        const what = target.shipped !== undefined ? "the compiler input the plugin ships with it is missing from its package" : `its compiler input (build ${target.buildInfoId ?? "not recorded"}) was not kept and its contract is no longer compiled`;
        return { ...base, status: "skipped", message: what };
      }
      const verdict = await explorer.submit(await verificationRequest(deps.provider, build, target));
      const from = kept === undefined ? ` (submitted the current sources: its compiler input, build ${target.buildInfoId ?? "not recorded"}, was not kept)` : "";
      record = verdict.verified ? { status: "verified", url } : { status: "failed", url, message: verdict.message + from };
    }
  } catch (error) {
    record = { status: "failed", ...(url !== undefined ? { url } : {}), message: describeError(error) };
  }
  if (target.role === "migrator" || target.role === "migrator-admin") {
    await registry.recordMigratorVerification(target.address, explorer.name, record);
  } else {
    await registry.recordVerification(target.name, target.address, explorer.name, record);
  }
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
  const input = Object.keys(libraries).length === 0 ? build.input : { ...build.input, settings: { ...build.input.settings, libraries } };
  return {
    address: target.address,
    contractName: `${contract.inputSourceName}:${target.artifact.split(":").pop()!}`,
    compilerVersion: `v${build.solcLongVersion}`,
    input,
    constructorArguments: target.constructorArguments ?? (await creationInput(provider, target.transactionHash)).slice(contract.creationCodeLength * 2),
    ...(target.transactionHash !== "" ? { creationTransactionHash: target.transactionHash } : {}),
  };
}

/**
 * The creation code and constructor arguments `transactionHash` deployed, without 0x: its input,
 * or, for a call to a CREATE2 factory (a salted deployment), its input after the 32-byte salt.
 */
async function creationInput(provider: Eip1193Provider, transactionHash: string): Promise<string> {
  const tx = (await provider.request({ method: "eth_getTransactionByHash", params: [transactionHash] })) as { input?: string; to?: string | null } | null;
  if (tx?.input === undefined) {
    throw new Error(`the node does not know its creation transaction ${transactionHash}`);
  }
  const input = tx.input.replace(/^0x/, "");
  return tx.to === null || tx.to === undefined ? input : input.slice(64);
}
