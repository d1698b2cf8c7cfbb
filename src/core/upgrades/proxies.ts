import {
  Contract,
  ContractFactory,
  Interface,
  getAddress,
  isAddress,
  type InterfaceAbi,
  type Provider,
  type Signer,
  type TransactionReceipt,
  type TransactionResponse,
  ZeroHash,
} from "ethers";

import { PROXY_ARTIFACTS } from "../../generated/proxy-artifacts.js";
import { fullyQualifiedName, type ArtifactResolver, type ContractArtifact } from "../artifacts.js";
import { DETERMINISTIC_DEPLOYMENT_PROXY, ensureCreate2Factory, normalizeSalt } from "../deterministic/create2-factory.js";
import { type Create2Host, deployDeterministic, migrationSendPath } from "../deterministic/deploy-deterministic.js";
import { MigrationsError, describeError } from "../errors.js";
import { toJsonValue } from "../json-value.js";
import { linkBytecode } from "../linking.js";
import type { JsonValue, ProxyRecord } from "../registry/registry-document.js";
import { assertRegistryName, type Registry } from "../registry/registry.js";
import type { DeploymentResult } from "../results.js";
import { ADMIN_SLOT, IMPLEMENTATION_SLOT, readAddressSlot } from "./erc1967.js";
import { formatLayoutReport } from "./format-layout-report.js";
import { compareStorageLayouts, type LayoutComparison } from "./layout-compatibility.js";
import type { StorageLayout } from "./storage-layout.js";
import { StorageLayoutIncompatibleError } from "./storage-layout-error.js";
import { invariant } from "../invariant.js";

/** Options of `ctx.deployProxy`. */
export interface DeployProxyOptions {
  /** `"transparent"` (default: an OpenZeppelin TransparentUpgradeableProxy and its ProxyAdmin) or `"uups"` (an ERC1967Proxy; the implementation upgrades itself). */
  readonly kind?: "transparent" | "uups";
  /** Registry name; defaults to the contract name. */
  readonly as?: string;
  /** Function called through the proxy with the arguments, in the proxy's deployment: default `initialize` when the contract has it; `false` for none. */
  readonly initializer?: string | false;
  /** Transparent proxies: the owner of the ProxyAdmin (default: the deploying account). */
  readonly owner?: string;
  /** Address of the account that deploys (default: the migration's deployer). */
  readonly from?: string;
  /** Libraries of the implementation, by name: an address or a registry name. */
  readonly libraries?: Readonly<Record<string, string>>;
  /** Constructor arguments of the implementation (e.g. immutables); usually none. */
  readonly constructorArgs?: readonly unknown[];
  /** Record the proxy without the implementation's storage layout (its first upgrade then cannot be checked either). */
  readonly unsafeSkipStorageCheck?: boolean;
  /**
   * Deploy the implementation and the proxy through the CREATE2 factory with this salt (see
   * `ctx.deploy`'s `salt`): the proxy has one address on every chain. Give the owner explicitly
   * (`owner`, or the initializer's arguments): `msg.sender` in constructors is the factory.
   */
  readonly salt?: string | number | bigint | false;
}

/** Options of `ctx.upgradeProxy`. */
export interface UpgradeProxyOptions {
  /** A function called through the proxy in the upgrade transaction, e.g. a reinitializer: a name, or `{ fn, args }`. */
  readonly call?: string | { readonly fn: string; readonly args?: readonly unknown[] };
  /** Renames you vouch for, by old variable path: `{ owner: "admin" }` (see the storage-layout check). */
  readonly renames?: Readonly<Record<string, string>>;
  /** Upgrade even if the storage layouts are incompatible (or one is unknown). For experts: storage may be corrupted. */
  readonly unsafeSkipStorageCheck?: boolean;
  /** Address of the account that upgrades (default: the migration's deployer). */
  readonly from?: string;
  readonly libraries?: Readonly<Record<string, string>>;
  readonly constructorArgs?: readonly unknown[];
}

export interface ProxyDependencies {
  readonly migrationId: number;
  readonly artifacts: ArtifactResolver;
  readonly registry: Registry;
  /** The migration's (tracked) deployer. */
  readonly deployer: Signer;
  readonly signerFor: (address: string) => Promise<Signer>;
  readonly onDeployment: (deployment: DeploymentResult) => void;
  readonly onLog: (message: string) => void;
  /** The migration's sender's wait: the run's timeout, confirmations and fee bumps. */
  readonly waitForReceipt: (tx: TransactionResponse) => Promise<TransactionReceipt>;
  /** Deterministic deployments (`salt`): the implementation and the proxy go through the CREATE2 factory. */
  readonly create2?: Create2Host;
}

const UUPS_INTERFACE = new Interface([
  "function proxiableUUID() view returns (bytes32)",
  "function upgradeToAndCall(address newImplementation, bytes data) payable",
]);

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
): Promise<Contract> {
  const kind = options.kind ?? "transparent";
  const name = options.as ?? contractName.split(":").pop()!;
  assertRegistryName(name);
  const signer = options.from === undefined ? deps.deployer : await deps.signerFor(options.from);
  const provider = requireProvider(signer);
  const artifact = await readArtifact(deps, contractName, name);
  const layout = options.unsafeSkipStorageCheck === true ? undefined : await readLayout(deps, contractName);
  if (kind === "uups") {
    assertUupsAbi(artifact);
  }
  const iface = new Interface(artifact.abi as InterfaceAbi);
  const data = initializerData(iface, contractName, args, options.initializer);

  const chosen = options.salt === false ? undefined : (options.salt ?? deps.create2?.defaultSalt);
  const salted = chosen === undefined ? undefined : await saltedDeployment(deps, normalizeSalt(chosen, name), name);
  const implementation = await deployImplementation(deps, artifact, signer, options, name, salted);
  if (kind === "uups") {
    await assertUupsImplementation(provider, artifact, implementation.address);
  }
  const proxyArtifact = kind === "uups" ? PROXY_ARTIFACTS.ERC1967Proxy : PROXY_ARTIFACTS.TransparentUpgradeableProxy;
  const proxyArgs = kind === "uups" ? [implementation.address, data] : [implementation.address, options.owner ?? (await signer.getAddress()), data];
  const proxy = await deployBytecode(deps, new ContractFactory(proxyArtifact.abi, proxyArtifact.bytecode, signer), proxyArgs, name, salted);
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
    deployer: proxy.receipt.from,
    args: args.map(toJsonValue) as JsonValue[],
    ...(implementation.libraries !== undefined ? { libraries: implementation.libraries } : {}),
    migration: deps.migrationId,
    ...(salted !== undefined ? { create2: { salt: salted.salt, factory: DETERMINISTIC_DEPLOYMENT_PROXY.address, ...(proxy.reused ? { reused: true as const } : {}) } } : {}),
    proxy: record,
  });
  deps.onDeployment(result(`${name} (implementation)`, implementation.address, fullyQualifiedName(artifact), implementation.receipt, deps.migrationId));
  deps.onDeployment(result(`${name} (${kind} proxy)`, proxy.address, fullyQualifiedName(artifact), proxy.receipt, deps.migrationId));
  return new Contract(proxy.address, iface, signer);
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
): Promise<Contract> {
  const entry = deps.registry.get(name);
  if (entry.proxy === undefined) {
    throw new MigrationsError("NOT_A_PROXY", { name, chainId: deps.registry.chainId, contract: entry.artifact.split(":").pop()! });
  }
  const { proxy } = entry;
  const signer = options.from === undefined ? deps.deployer : await deps.signerFor(options.from);
  const provider = requireProvider(signer);
  const skip = options.unsafeSkipStorageCheck === true;

  const actual = await readAddressSlot(provider, entry.address, IMPLEMENTATION_SLOT);
  const artifact = await readArtifact(deps, newContractName, name);
  if (!skip && actual !== getAddress(proxy.implementation) && !(await runsCodeOf(provider, actual, artifact))) {
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
  const iface = new Interface(artifact.abi as InterfaceAbi);
  const call = typeof options.call === "string" ? { fn: options.call, args: [] } : options.call;
  const data = call === undefined ? "0x" : encodeCall(iface, newContractName, call.fn, call.args ?? []);
  const upgrader = await signer.getAddress();
  let admin: Contract | undefined;
  if (proxy.kind === "transparent") {
    const adminAddress = await readAddressSlot(provider, entry.address, ADMIN_SLOT);
    admin = new Contract(adminAddress, PROXY_ARTIFACTS.ProxyAdmin.abi, signer);
    const owner = getAddress((await new Contract(adminAddress, PROXY_ARTIFACTS.ProxyAdmin.abi, provider).getFunction("owner")()) as string);
    if (owner !== getAddress(upgrader)) {
      throw new MigrationsError("PROXY_ADMIN_NOT_OWNER", { signer: upgrader, name, admin: adminAddress, owner });
    }
  }

  const implementation = await deployImplementation(deps, artifact, signer, options, name);
  if (proxy.kind === "uups") {
    await assertUupsImplementation(provider, artifact, implementation.address);
  }
  let receipt: TransactionReceipt | null;
  try {
    const tx =
      admin !== undefined
        ? await admin.getFunction("upgradeAndCall")(entry.address, implementation.address, data)
        : await new Contract(entry.address, UUPS_INTERFACE, signer).getFunction("upgradeToAndCall")(implementation.address, data);
    receipt = await deps.waitForReceipt(tx);
  } catch (error) {
    throw new MigrationsError("UPGRADE_FAILED", { name, contract: fullyQualifiedName(artifact), reason: describeError(error) }, { cause: error });
  }
  if (receipt === null || receipt.status !== 1) {
    throw new MigrationsError("UPGRADE_FAILED", { name, contract: fullyQualifiedName(artifact), reason: "the upgrade transaction reverted" });
  }
  const now = await readAddressSlot(provider, entry.address, IMPLEMENTATION_SLOT);
  if (now !== getAddress(implementation.address)) {
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
    deployer: receipt.from,
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
  return new Contract(entry.address, iface, signer);
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

function assertUupsAbi(artifact: ContractArtifact): void {
  const iface = new Interface(artifact.abi as InterfaceAbi);
  const missing = ["proxiableUUID()", "upgradeToAndCall(address,bytes)"].filter((signature) => iface.getFunction(signature) === null);
  if (missing.length > 0) {
    throw new MigrationsError("NOT_UUPS_IMPLEMENTATION", { contract: fullyQualifiedName(artifact), reason: `it has no ${missing.join(" and no ")}` });
  }
}

/** The deployed implementation must answer `proxiableUUID()` with the ERC-1967 implementation slot. */
async function assertUupsImplementation(provider: Provider, artifact: ContractArtifact, address: string): Promise<void> {
  let uuid: string;
  try {
    uuid = (await new Contract(address, UUPS_INTERFACE, provider).getFunction("proxiableUUID")()) as string;
  } catch (error) {
    throw new MigrationsError("NOT_UUPS_IMPLEMENTATION", { contract: fullyQualifiedName(artifact), reason: `proxiableUUID() reverted (${describeError(error)})` }, { cause: error });
  }
  if (uuid.toLowerCase() !== IMPLEMENTATION_SLOT) {
    throw new MigrationsError("NOT_UUPS_IMPLEMENTATION", {
      contract: fullyQualifiedName(artifact),
      reason: `its proxiableUUID() is ${uuid}, not the ERC-1967 implementation slot ${IMPLEMENTATION_SLOT}`,
    });
  }
}

function initializerData(iface: Interface, contractName: string, args: readonly unknown[], initializer: string | false | undefined): string {
  const fn = initializer ?? (iface.getFunction("initialize") !== null ? "initialize" : undefined);
  if (fn === undefined || fn === false) {
    if (args.length > 0) {
      throw new MigrationsError("DEPLOYMENT_FAILED", {
        name: contractName,
        reason: `${args.length} initializer argument(s) were given, but there is no initializer (name it with { initializer: "…" })`,
      });
    }
    return "0x";
  }
  return encodeCall(iface, contractName, fn, args);
}

function encodeCall(iface: Interface, contractName: string, fn: string, args: readonly unknown[]): string {
  try {
    return iface.encodeFunctionData(fn, args);
  } catch (error) {
    throw new MigrationsError("DEPLOYMENT_FAILED", { name: contractName, reason: `cannot call ${fn}: ${describeError(error)}` }, { cause: error });
  }
}

async function deployImplementation(
  deps: ProxyDependencies,
  artifact: ContractArtifact,
  signer: Signer,
  options: Pick<DeployProxyOptions, "libraries" | "constructorArgs">,
  name: string,
  salted?: Salted,
): Promise<{ address: string; receipt: TransactionReceipt; reused: boolean; libraries?: Record<string, string> }> {
  const libraries: Record<string, string> = {};
  for (const [lib, target] of Object.entries(options.libraries ?? {})) {
    libraries[lib] = isAddress(target) ? target : deps.registry.get(target).address;
  }
  const factory = new ContractFactory(artifact.abi as InterfaceAbi, linkBytecode(artifact, libraries), signer);
  const deployed = await deployBytecode(deps, factory, options.constructorArgs ?? [], `${name} (implementation)`, salted);
  return { ...deployed, ...(Object.keys(libraries).length > 0 ? { libraries } : {}) };
}

/** A salted `deployProxy`: the factory is on the chain, and every deployment goes through it. */
interface Salted {
  readonly salt: string;
  readonly create2: Create2Host;
}

async function saltedDeployment(deps: ProxyDependencies, salt: string, name: string): Promise<Salted> {
  if (deps.create2 === undefined) {
    throw new MigrationsError("DEPLOYMENT_FAILED", { name, reason: "this host does not support deterministic deployments (salt)" });
  }
  await ensureCreate2Factory(deps.create2.provider, deps.create2, name);
  return { salt, create2: deps.create2 };
}

/**
 * Deploys `factory`'s contract with `args`; `salted`: through the CREATE2 factory, or reused when
 * it is already at its address (`reused`, with a stand-in receipt: nothing was sent).
 */
async function deployBytecode(
  deps: Pick<ProxyDependencies, "waitForReceipt">,
  factory: ContractFactory,
  args: readonly unknown[],
  name: string,
  salted?: Salted,
): Promise<{ address: string; receipt: TransactionReceipt; reused: boolean }> {
  if (salted !== undefined) {
    const signer = factory.runner as Signer;
    const { data } = await factory.getDeployTransaction(...args);
    const { create2 } = salted;
    const deployed = await deployDeterministic(create2.provider, migrationSendPath(signer, deps.waitForReceipt, create2.replaysNext), name, salted.salt, data);
    const receipt = deployed.receipt ?? ({ hash: ZeroHash, blockNumber: 0, gasUsed: 0n, from: await signer.getAddress() } as unknown as TransactionReceipt);
    return { address: deployed.address, receipt, reused: deployed.receipt === undefined };
  }
  let receipt: TransactionReceipt | null;
  try {
    const contract = await factory.deploy(...args);
    receipt = await deps.waitForReceipt(contract.deploymentTransaction()!);
  } catch (error) {
    throw new MigrationsError("DEPLOYMENT_FAILED", { name, reason: describeError(error) }, { cause: error });
  }
  if (receipt === null || receipt.status !== 1 || receipt.contractAddress === null) {
    throw new MigrationsError("DEPLOYMENT_FAILED", { name, reason: "the deployment transaction reverted" });
  }
  return { address: receipt.contractAddress, receipt, reused: false };
}

function requireProvider(signer: Signer): Provider {
  invariant(signer.provider !== null, "the migration's signer has no provider");
  return signer.provider;
}

function result(name: string, address: string, artifact: string, receipt: TransactionReceipt, migration: number): DeploymentResult {
  return { name, address, artifact, transactionHash: receipt.hash, gasUsed: receipt.gasUsed, migration };
}

/** Whether the contract at `address` runs `artifact`'s runtime code (one without libraries or immutables). */
async function runsCodeOf(provider: Provider, address: string, artifact: ContractArtifact): Promise<boolean> {
  const expected = artifact.deployedBytecode;
  return typeof expected === "string" && expected.length > 2 && (await provider.getCode(address)).toLowerCase() === expected.toLowerCase();
}
