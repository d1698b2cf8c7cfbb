import { ContractFactory, Interface, getAddress, type InterfaceAbi } from "ethers";

import { MigrationsError } from "../errors.js";
import { linkBytecode } from "../linking.js";
import type { ContractArtifact } from "../artifacts.js";
import { toEthersValue } from "./abi-values.js";
import { createInstance, type TruffleInstance } from "./contract-instance.js";
import type { TruffleHost } from "./truffle-host.js";
import { splitTxParams, toOverrides, type TruffleTxParams } from "./tx-params.js";

/** `artifacts.require("X")`: a Truffle contract abstraction. */
export interface TruffleContract {
  readonly contractName: string;
  readonly abi: readonly unknown[];
  readonly bytecode: string;
  /** The deployed address on this chain (the registry entry); throws when there is none. */
  address: string;
  readonly links: Readonly<Record<string, string>>;
  readonly network_id: number;
  isDeployed(): boolean;
  hasNetwork(): boolean;
  deployed(): Promise<TruffleInstance>;
  at(address: string): Promise<TruffleInstance>;
  /** `C.new(...args, txParams?)`: deploys a new instance without making it the deployed one. */
  "new"(...args: unknown[]): Promise<unknown>;
  link(libraryOrName: unknown, address?: string): void;
  defaults(params?: TruffleTxParams): TruffleTxParams;
  setProvider(provider: unknown): void;
  setNetwork(network: unknown): void;
  detectNetwork(): Promise<void>;
  /** The artifact name the engine resolves (a name or fully qualified name). */
  readonly artifactName: string;
  /** Libraries this contract's bytecode needs that are linked, for `core.deploy`. */
  neededLinks(): Promise<Record<string, string>>;
}

/**
 * The contract name and artifact name for what a script passes to `artifacts.require`:
 * `"MetaCoin"`, `"./MetaCoin.sol"` (the contract named like its file) or `"contracts/A.sol:A"`.
 */
export function parseRequireName(requested: string): { contractName: string; artifactName: string } {
  if (requested.includes(":")) {
    return { contractName: requested.split(":").pop()!, artifactName: requested };
  }
  const base = requested.split(/[\\/]/).pop()!.replace(/\.sol$/, "");
  return { contractName: base, artifactName: base };
}

export function createAbstraction(host: TruffleHost, requested: string): TruffleContract {
  const { contractName, artifactName } = parseRequireName(requested);
  const links: Record<string, string> = {};
  const registry = host.core.registry;

  const loaded = (): ContractArtifact => {
    const artifact = host.loadedArtifact(artifactName);
    if (artifact === undefined) {
      throw new MigrationsError("TRUFFLE_ARTIFACT_NOT_LOADED", { contract: contractName, requested });
    }
    return artifact;
  };
  const notDeployed = () =>
    new MigrationsError("TRUFFLE_CONTRACT_NOT_DEPLOYED", { contract: contractName, chainId: host.core.network.chainId, detail: "" });

  async function at(address: string): Promise<TruffleInstance> {
    const artifact = await host.artifact(artifactName);
    if ((await host.provider.getCode(address)) === "0x") {
      throw new MigrationsError("TRUFFLE_NO_CODE", { contract: contractName, address });
    }
    return createInstance(host, contractName, getAddress(address), new Interface(artifact.abi as InterfaceAbi));
  }

  async function neededLinks(): Promise<Record<string, string>> {
    const artifact = await host.artifact(artifactName);
    const needed = new Set(Object.values(artifact.linkReferences).flatMap((libs) => Object.keys(libs)));
    return Object.fromEntries(Object.entries(links).filter(([name]) => needed.has(name)));
  }

  const abstraction: TruffleContract = {
    contractName,
    artifactName,
    get abi() {
      return loaded().abi;
    },
    get bytecode() {
      return loaded().bytecode;
    },
    get address() {
      if (!registry.has(contractName)) {
        throw new MigrationsError("TRUFFLE_CONTRACT_NOT_DEPLOYED", { contract: contractName, chainId: host.core.network.chainId, detail: ": it has no address on this network" });
      }
      return registry.get(contractName).address;
    },
    set address(value: string) {
      host.assignAddress(contractName, artifactName, getAddress(value));
    },
    links,
    get network_id() {
      return host.core.network.chainId;
    },
    isDeployed: () => registry.has(contractName),
    hasNetwork: () => registry.has(contractName),
    deployed() {
      return host.track(
        (async () => {
          if (!registry.has(contractName)) {
            throw notDeployed();
          }
          return at(registry.get(contractName).address);
        })(),
      );
    },
    at: (address) => host.track(at(address)),
    "new"(...rawArgs: unknown[]) {
      return host.track(
        (async () => {
          // TIP #1: `C.new(function (instance) { ... })` calls back with the new instance.
          const callback = typeof rawArgs.at(-1) === "function" ? (rawArgs.pop() as (instance: TruffleInstance) => unknown) : undefined;
          const artifact = await host.artifact(artifactName);
          const iface = new Interface(artifact.abi as InterfaceAbi);
          const [args, params] = splitTxParams(rawArgs, iface.deploy.inputs.length);
          const merged = { ...host.defaultsOf(contractName), ...params };
          const factory = new ContractFactory(iface, linkBytecode(artifact, await neededLinks()), await host.signerFor(merged.from));
          const contract = await factory.deploy(...args.map(toEthersValue), toOverrides(merged));
          const receipt = await host.waitForReceipt(contract.deploymentTransaction()!);
          if (receipt === null || receipt.contractAddress === null) {
            throw new MigrationsError("DEPLOYMENT_FAILED", { name: contractName, reason: "the deployment transaction reverted" });
          }
          host.rememberCreation(receipt);
          const instance = createInstance(host, contractName, receipt.contractAddress, iface, receipt.hash);
          return callback !== undefined ? callback(instance) : instance;
        })(),
      );
    },
    link(libraryOrName, address) {
      if (typeof libraryOrName === "string") {
        links[libraryOrName] = getAddress(address!);
        return;
      }
      const lib = libraryOrName as { contractName?: string; constructor?: { contractName?: string }; address?: string };
      if (typeof lib.contractName === "string" && typeof lib.address === "string") {
        links[lib.contractName] = getAddress(lib.address);
        return;
      }
      if (lib !== null && typeof lib === "object") {
        for (const [name, value] of Object.entries(lib)) {
          links[name] = getAddress(String(value));
        }
      }
    },
    defaults(params) {
      return host.defaultsOf(contractName, params);
    },
    setProvider: () => {},
    setNetwork: () => {},
    detectNetwork: async () => {},
    neededLinks,
  };
  return abstraction;
}
