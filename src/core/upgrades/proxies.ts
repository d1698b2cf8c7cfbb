import { PROXY_ARTIFACTS } from "../../generated/proxy-artifacts.js";
import { fullyQualifiedName, type ContractArtifact } from "../artifacts.js";
import type { DeployedContract } from "../deployed-contract.js";
import { DETERMINISTIC_DEPLOYMENT_PROXY, normalizeSalt } from "../deterministic/create2-factory.js";
import { MigrationsError, describeError } from "../errors.js";
import { type AbiInput, checksumAddress, decodeFunctionResult, encodeDeployData, encodeFunctionCall, findEntry } from "../eth/index.js";
import { toJsonValue } from "../json-value.js";
import type { MinedReceipt } from "../mined-receipt.js";
import type { JsonValue, ProxyRecord } from "../registry/registry-document.js";
import { assertRegistryName } from "../registry/registry.js";
import type { DeploymentResult } from "../results.js";
import { ADMIN_SLOT, IMPLEMENTATION_SLOT, readAddressSlot } from "./erc1967.js";
import { formatLayoutReport } from "./format-layout-report.js";
import { compareStorageLayouts, type LayoutComparison } from "./layout-compatibility.js";
import type { StorageLayout } from "./storage-layout.js";
import { StorageLayoutIncompatibleError } from "./storage-layout-error.js";
import { chainReads, type ChainReads } from "./chain-reads.js";
import type { DeployProxyOptions, ProxyDependencies, UpgradeProxyOptions } from "./proxy-options.js";
import { deployBytecode, deployImplementation, saltedDeployment } from "./proxy-deployment.js";
import { UUPS_ABI, assertUupsAbi, assertUupsImplementation } from "./uups.js";

export type { DeployProxyOptions, ProxyDependencies, UpgradeProxyOptions } from "./proxy-options.js";



/**
 * Deploys `contractName` as the implementation of a new ERC-1967 proxy, initialises it through
 * the proxy, and records the proxy under `options.as` (or the contract name) with the
 * implementation's address and storage layout. Returns the implementation's ABI at the proxy.
 */
export async function deployProxy(
  deps: ProxyDependencies,
  contractName: string,
  args: readonly unknown[],
  options: DeployProxyOptions = {},
): Promise<DeployedContract> {
  const kind = options.kind ?? "transparent";
  const name = options.as ?? contractName.split(":").pop()!;
  assertRegistryName(name);
  const from = options.from ?? deps.deployer;
  const provider = chainReads(deps.provider);
  const artifact = await readArtifact(deps, contractName, name);
  const layout = options.unsafeSkipStorageCheck === true ? undefined : await readLayout(deps, contractName);
  if (kind === "uups") {
    assertUupsAbi(artifact);
  }
  const data = initializerData(artifact.abi, contractName, args, options.initializer);

  const chosen = options.salt === false ? undefined : (options.salt ?? deps.create2?.defaultSalt);
  const salted = chosen === undefined ? undefined : await saltedDeployment(deps, normalizeSalt(chosen, name), name);
  const implementation = await deployImplementation(deps, artifact, from, options, name, salted);
  if (kind === "uups") {
    await assertUupsImplementation(provider, artifact, implementation.address);
  }
  const proxyArtifact = kind === "uups" ? PROXY_ARTIFACTS.ERC1967Proxy : PROXY_ARTIFACTS.TransparentUpgradeableProxy;
  const proxyArgs = kind === "uups" ? [implementation.address, data] : [implementation.address, options.owner ?? from, data];
  const proxy = await deployBytecode(deps, from, encodeDeployData(proxyArtifact.abi, proxyArtifact.bytecode, proxyArgs), name, salted);
  const admin = kind === "transparent" ? await readAddressSlot(provider, proxy.address, ADMIN_SLOT) : undefined;

  const record: ProxyRecord = {
    kind,
    implementation: implementation.address,
    implementationTransactionHash: implementation.receipt.hash,
    ...(admin !== undefined ? { admin } : {}),
    ...(layout?.layout !== undefined ? { storageLayout: layout.layout } : {}),
    ...(layout?.buildInfoId !== undefined ? { buildInfoId: layout.buildInfoId } : {}),
  };
  await deps.registry.recordDeployment(name, {
    address: proxy.address,
    artifact: fullyQualifiedName(artifact),
    transactionHash: proxy.receipt.hash,
    blockNumber: proxy.receipt.blockNumber,
    deployer: checksumAddress(proxy.receipt.from),
    args: args.map(toJsonValue) as JsonValue[],
    ...(implementation.libraries !== undefined ? { libraries: implementation.libraries } : {}),
    migration: deps.migrationId,
    ...(salted !== undefined ? { create2: { salt: salted.salt, factory: DETERMINISTIC_DEPLOYMENT_PROXY.address, ...(proxy.reused ? { reused: true as const } : {}) } } : {}),
    proxy: record,
  });
  deps.onDeployment(result(`${name} (implementation)`, implementation.address, fullyQualifiedName(artifact), implementation.receipt, deps.migrationId));
  deps.onDeployment(result(`${name} (${kind} proxy)`, proxy.address, fullyQualifiedName(artifact), proxy.receipt, deps.migrationId));
  return { address: proxy.address, abi: artifact.abi, from, ...(proxy.reused ? {} : { receipt: proxy.receipt }) };
}

/**
 * Upgrades the proxy registered as `name` to a new implementation `newContractName`: checks the
 * storage layouts first (nothing is sent when they are incompatible), deploys the implementation,
 * upgrades (through the ProxyAdmin, or the UUPS implementation's `upgradeToAndCall`), and records
 * the new implementation; the previous one moves to the entry's history.
 */
export async function upgradeProxy(
  deps: ProxyDependencies,
  name: string,
  newContractName: string,
  options: UpgradeProxyOptions = {},
): Promise<DeployedContract> {
  const entry = deps.registry.get(name);
  if (entry.proxy === undefined) {
    throw new MigrationsError("NOT_A_PROXY", { name, chainId: deps.registry.chainId, contract: entry.artifact.split(":").pop()! });
  }
  const { proxy } = entry;
  const from = options.from ?? deps.deployer;
  const provider = chainReads(deps.provider);
  const skip = options.unsafeSkipStorageCheck === true;

  const actual = await readAddressSlot(provider, entry.address, IMPLEMENTATION_SLOT);
  const artifact = await readArtifact(deps, newContractName, name);
  if (!skip && actual !== checksumAddress(proxy.implementation) && !(await runsCodeOf(provider, actual, artifact))) {
    // (An interrupted run of this very upgrade leaves the proxy on the new contract's code: the
    // re-run reuses that implementation and upgrade instead of sending them again.)
    throw new MigrationsError("PROXY_IMPLEMENTATION_MISMATCH", { name, address: entry.address, actual, recorded: proxy.implementation });
  }
  if (proxy.kind === "uups") {
    assertUupsAbi(artifact);
  }
  const layout = skip ? await readLayout(deps, newContractName).catch(() => undefined) : await readLayout(deps, newContractName);
  if (!skip) {
    if (proxy.storageLayout === undefined) {
      throw new MigrationsError("STORAGE_LAYOUT_UNAVAILABLE", {
        contract: `${name}'s current implementation (${entry.artifact})`,
        reason: "the registry has no storage layout for it (it was recorded with unsafeSkipStorageCheck)",
      });
    }
    const comparison = compareStorageLayouts(proxy.storageLayout, layout!.layout, { renames: options.renames });
    if (!comparison.compatible) {
      throw new StorageLayoutIncompatibleError(
        { name, contract: fullyQualifiedName(artifact), count: comparison.incompatibilities.length, report: formatLayoutReport(comparison.incompatibilities) },
        comparison.incompatibilities,
      );
    }
    logAdded(deps, name, comparison);
  }
  const call = typeof options.call === "string" ? { fn: options.call, args: [] } : options.call;
  const data = call === undefined ? "0x" : encodeCall(artifact.abi, newContractName, call.fn, call.args ?? []);
  const upgrader = checksumAddress(from);
  let admin: string | undefined;
  if (proxy.kind === "transparent") {
    admin = await readAddressSlot(provider, entry.address, ADMIN_SLOT);
    const adminAbi = PROXY_ARTIFACTS.ProxyAdmin.abi;
    const owner = checksumAddress(decodeFunctionResult(adminAbi, "owner", await provider.call({ to: admin, data: encodeFunctionCall(adminAbi, "owner") }))[0] as string);
    if (owner !== upgrader) {
      throw new MigrationsError("PROXY_ADMIN_NOT_OWNER", { signer: upgrader, name, admin, owner });
    }
  }

  const implementation = await deployImplementation(deps, artifact, from, options, name);
  if (proxy.kind === "uups") {
    await assertUupsImplementation(provider, artifact, implementation.address);
  }
  let receipt: MinedReceipt | null;
  try {
    const tx =
      admin !== undefined
        ? { to: admin, data: encodeFunctionCall(PROXY_ARTIFACTS.ProxyAdmin.abi, "upgradeAndCall", [entry.address, implementation.address, data]) }
        : { to: entry.address, data: encodeFunctionCall(UUPS_ABI, "upgradeToAndCall", [implementation.address, data]) };
    receipt = await deps.transactions.wait((await deps.transactions.send(from, tx)).hash);
  } catch (error) {
    throw new MigrationsError("UPGRADE_FAILED", { name, contract: fullyQualifiedName(artifact), reason: describeError(error) }, { cause: error });
  }
  if (receipt === null || receipt.status !== 1) {
    throw new MigrationsError("UPGRADE_FAILED", { name, contract: fullyQualifiedName(artifact), reason: "the upgrade transaction reverted" });
  }
  const now = await readAddressSlot(provider, entry.address, IMPLEMENTATION_SLOT);
  if (now !== checksumAddress(implementation.address)) {
    throw new MigrationsError("UPGRADE_FAILED", {
      name,
      contract: fullyQualifiedName(artifact),
      reason: `after the upgrade transaction the proxy points to ${now}, not to the new implementation ${implementation.address}`,
    });
  }

  const { history: _history, ...previous } = entry;
  await deps.registry.recordDeployment(name, {
    address: entry.address,
    artifact: fullyQualifiedName(artifact),
    transactionHash: receipt.hash,
    blockNumber: receipt.blockNumber,
    deployer: checksumAddress(receipt.from),
    args: (call?.args ?? []).map(toJsonValue) as JsonValue[],
    ...(implementation.libraries !== undefined ? { libraries: implementation.libraries } : {}),
    migration: deps.migrationId,
    proxy: {
      kind: proxy.kind,
      implementation: implementation.address,
      implementationTransactionHash: implementation.receipt.hash,
      ...(proxy.admin !== undefined ? { admin: proxy.admin } : {}),
      ...(layout?.layout !== undefined ? { storageLayout: layout.layout } : {}),
      ...(layout?.buildInfoId !== undefined ? { buildInfoId: layout.buildInfoId } : {}),
    },
  });
  deps.onDeployment(result(`${name} (implementation)`, implementation.address, fullyQualifiedName(artifact), implementation.receipt, deps.migrationId));
  deps.onLog(`upgraded ${name} (${previous.address}): implementation ${previous.proxy!.implementation} -> ${implementation.address}`);
  return { address: entry.address, abi: artifact.abi, from, receipt };
}

/** The storage-layout check of an upgrade, without sending anything (`ctx.checkUpgrade`). */
export async function checkUpgrade(
  deps: Pick<ProxyDependencies, "artifacts" | "registry">,
  name: string,
  newContractName: string,
  options: Pick<UpgradeProxyOptions, "renames"> = {},
): Promise<LayoutComparison> {
  const entry = deps.registry.get(name);
  if (entry.proxy === undefined) {
    throw new MigrationsError("NOT_A_PROXY", { name, chainId: deps.registry.chainId, contract: entry.artifact.split(":").pop()! });
  }
  if (entry.proxy.storageLayout === undefined) {
    throw new MigrationsError("STORAGE_LAYOUT_UNAVAILABLE", {
      contract: `${name}'s current implementation (${entry.artifact})`,
      reason: "the registry has no storage layout for it (it was recorded with unsafeSkipStorageCheck)",
    });
  }
  const { layout } = await readLayout(deps, newContractName);
  return compareStorageLayouts(entry.proxy.storageLayout, layout, { renames: options.renames });
}

function logAdded(deps: ProxyDependencies, name: string, comparison: LayoutComparison): void {
  if (comparison.added.length > 0) {
    deps.onLog(`storage layout of ${name}: compatible; added ${comparison.added.map((a) => `${a.label} (${a.type}, ${a.slot})`).join(", ")}`);
  } else {
    deps.onLog(`storage layout of ${name}: compatible`);
  }
}

async function readArtifact(deps: Pick<ProxyDependencies, "artifacts">, contractName: string, name: string): Promise<ContractArtifact> {
  try {
    return await deps.artifacts.readArtifact(contractName);
  } catch (error) {
    throw new MigrationsError("DEPLOYMENT_FAILED", { name, reason: describeError(error) }, { cause: error });
  }
}

async function readLayout(
  deps: Pick<ProxyDependencies, "artifacts">,
  contractName: string,
): Promise<{ layout: StorageLayout; buildInfoId?: string }> {
  const lookup =
    deps.artifacts.readStorageLayout === undefined
      ? { reason: "this host cannot read build infos" }
      : await deps.artifacts.readStorageLayout(contractName);
  if (lookup.layout === undefined) {
    throw new MigrationsError("STORAGE_LAYOUT_UNAVAILABLE", { contract: contractName, reason: lookup.reason });
  }
  return lookup;
}


function initializerData(abi: AbiInput, contractName: string, args: readonly unknown[], initializer: string | false | undefined): string {
  const fn = initializer ?? (findEntry(abi, "function", "initialize") !== undefined ? "initialize" : undefined);
  if (fn === undefined || fn === false) {
    if (args.length > 0) {
      throw new MigrationsError("DEPLOYMENT_FAILED", {
        name: contractName,
        reason: `${args.length} initializer argument(s) were given, but there is no initializer (name it with { initializer: "…" })`,
      });
    }
    return "0x";
  }
  return encodeCall(abi, contractName, fn, args);
}

function encodeCall(abi: AbiInput, contractName: string, fn: string, args: readonly unknown[]): string {
  try {
    return encodeFunctionCall(abi, fn, args);
  } catch (error) {
    throw new MigrationsError("DEPLOYMENT_FAILED", { name: contractName, reason: `cannot call ${fn}: ${describeError(error)}` }, { cause: error });
  }
}


function result(name: string, address: string, artifact: string, receipt: MinedReceipt, migration: number): DeploymentResult {
  return { name, address, artifact, transactionHash: receipt.hash, gasUsed: receipt.gasUsed, migration };
}

/** Whether the contract at `address` runs `artifact`'s runtime code (one without libraries or immutables). */
async function runsCodeOf(provider: ChainReads, address: string, artifact: ContractArtifact): Promise<boolean> {
  const expected = artifact.deployedBytecode;
  return typeof expected === "string" && expected.length > 2 && (await provider.getCode(address)).toLowerCase() === expected.toLowerCase();
}
