import { Interface, getAddress, type InterfaceAbi } from "ethers";

import { toEthersValue } from "./abi-values.js";
import type { TruffleContract } from "./contract-abstraction.js";
import { createInstance, type TruffleInstance } from "./contract-instance.js";
import type { TruffleHost } from "./truffle-host.js";
import { splitTxParams, toOverrides, type TruffleTxParams } from "./tx-params.js";

type Step = (previous: unknown) => unknown;

/**
 * Truffle's `deployer`, with Truffle 5's queue semantics: until the migration function has
 * returned, `deploy`, `link`, `new` and `then` are queued and run in order afterwards (the
 * synchronous style: nothing awaited, or `.then` chains). Each returns the queue itself, so
 * `deployer.deploy(A).then(...)` queues the callback too, and awaiting it waits for its step.
 * Once the queue has started (inside queued callbacks, or after an `await` in an async migration)
 * they run at once and return promises. The migration completes only when the queue has
 * drained and every operation has settled; the first failure fails it.
 */
export class TruffleDeployer {
  readonly network: string;
  readonly network_id: number;
  readonly chainId: number;
  readonly logger: { log(message: string): void };
  #started = false;
  #open!: () => void;
  #chain: Promise<unknown>;
  #failure: { error: unknown } | undefined;
  readonly #onFailure: Array<(error: unknown) => void> = [];

  constructor(private readonly host: TruffleHost) {
    this.network = host.core.network.name;
    this.network_id = host.core.network.chainId;
    this.chainId = host.core.network.chainId;
    this.logger = { log: (message) => host.core.log(String(message)) };
    this.#chain = new Promise<void>((resolve) => (this.#open = resolve));
  }

  /** `deployer.deploy(C, ...args, { overwrite, from, gas, gasPrice, value })`, or `deploy([[C, ...args], ...])`. */
  deploy(contract: TruffleContract | ReadonlyArray<readonly [TruffleContract, ...unknown[]]>, ...args: unknown[]): unknown {
    if (Array.isArray(contract)) {
      return this.#queueOrExec(async () => {
        const deployed: TruffleInstance[] = [];
        for (const [c, ...a] of contract as ReadonlyArray<readonly [TruffleContract, ...unknown[]]>) {
          deployed.push(await this.#deploy(c, a));
        }
        return deployed;
      });
    }
    return this.#queueOrExec(() => this.#deploy(contract as TruffleContract, args));
  }

  /** `deployer.link(Library, Contract | [Contracts])`: later deployments of those link the library. */
  link(library: TruffleContract, destinations: TruffleContract | readonly TruffleContract[]): unknown {
    return this.#queueOrExec(() => {
      for (const destination of Array.isArray(destinations) ? destinations : [destinations]) {
        (destination as TruffleContract).link(library);
      }
    });
  }

  /** `deployer.new(C, ...args)`: `C.new(...)` in the queue (not recorded as C's deployment). */
  new(contract: TruffleContract, ...args: unknown[]): unknown {
    return this.#queueOrExec(() => contract.new(...args));
  }

  /** `deployer.then(fn)`: `fn` in the queue; its promise is waited for before the next step. */
  then(fn: Step, onRejected?: (error: unknown) => unknown): unknown {
    if (onRejected !== undefined) {
      this.#whenFailed(onRejected);
    }
    return this.#queueOrExec(fn);
  }

  catch(onRejected: (error: unknown) => unknown): unknown {
    this.#whenFailed(onRejected);
    return this.#handle;
  }

  /** Runs the queue; resolves once it has drained, rejects with the first failure. */
  async start(): Promise<void> {
    this.#started = true;
    this.#open();
    await this.#chain;
    if (this.#failure !== undefined) {
      throw this.#failure.error;
    }
  }

  /**
   * What queued operations return: the queue (Truffle's DeferredChain). `.then(fn)` on it always
   * appends `fn`, even once the queue runs — so `await deployer.deploy(A)` resumes right after A.
   */
  readonly #handle = {
    then: (onFulfilled?: Step, onRejected?: (error: unknown) => unknown): unknown => {
      if (onRejected !== undefined) {
        this.#whenFailed(onRejected);
      }
      const appended = this.#append(onFulfilled ?? ((value) => value));
      if (this.#started) {
        this.host.track(appended, { failsMigration: true });
      }
      return this.#handle;
    },
    catch: (onRejected: (error: unknown) => unknown): unknown => {
      this.#whenFailed(onRejected);
      return this.#handle;
    },
  };

  #whenFailed(listener: (error: unknown) => unknown): void {
    if (this.#failure !== undefined) {
      const { error } = this.#failure;
      queueMicrotask(() => void listener(error));
    } else {
      this.#onFailure.push(listener);
    }
  }

  #append(step: Step): Promise<unknown> {
    this.#chain = this.#chain.then(async (previous) => {
      if (this.#failure !== undefined) {
        return undefined;
      }
      try {
        return await step(previous);
      } catch (error) {
        this.#failure = { error };
        for (const listener of this.#onFailure.splice(0)) {
          listener(error);
        }
        return undefined;
      }
    });
    return this.#chain;
  }

  #queueOrExec(step: Step): unknown {
    if (this.#started) {
      return this.host.track(Promise.resolve().then(() => step(undefined)), { failsMigration: true });
    }
    this.#append(step);
    return this.#handle;
  }

  async #deploy(contract: TruffleContract, rawArgs: readonly unknown[]): Promise<TruffleInstance> {
    const artifact = await this.host.artifact(contract.artifactName);
    const iface = new Interface(artifact.abi as InterfaceAbi);
    const [args, given] = splitTxParams(rawArgs, iface.deploy.inputs.length);
    const params: TruffleTxParams = { ...this.host.defaultsOf(contract.contractName), ...given };
    const { core } = this.host;
    if (params.overwrite === false && core.registry.has(contract.contractName)) {
      const existing = core.registry.get(contract.contractName);
      if ((await this.host.provider.getCode(existing.address)) !== "0x") {
        core.log(`Reusing ${contract.contractName} at ${existing.address} (overwrite: false)`);
        return createInstance(this.host, contract.contractName, existing.address, iface, existing.transactionHash);
      }
    }
    const deployed = await core.deploy(contract.artifactName, args.map(toEthersValue), {
      as: contract.contractName,
      libraries: await contract.neededLinks(),
      ...toOverrides(params),
      from: params.from === undefined ? undefined : getAddress(params.from),
    });
    const { address } = deployed;
    return createInstance(this.host, contract.contractName, address, iface, core.registry.get(contract.contractName).transactionHash);
  }
}
