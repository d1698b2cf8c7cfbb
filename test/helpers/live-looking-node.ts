import { expect } from "chai";

import { runHardhat } from "./cli.js";
import { fixtureRoot } from "./fixture.js";
import { startHardhatNode, type RunningNode } from "./hardhat-node.js";
import { looksLive, startRpcProxy, type RpcFailure, type RpcProxy, type RpcRequest } from "./rpc-proxy.js";

/** A `hardhat node` seen through a proxy that makes it look like a live network. */
export interface LiveLookingNode {
  /** The proxy's URL: what the plugin talks to. */
  readonly url: string;
  /** The calls the proxy forwarded or answered, by method. */
  readonly calls: Map<string, number>;
  /** The node behind it, to check the chain without going through the proxy. */
  readonly node: RunningNode;
}

/**
 * For the suite it is called in: a `hardhat node` of the `basic` fixture behind a proxy that
 * answers like Geth and has no `evm_*` methods (`looksLive`), started in `before` (the fixture's
 * contracts built first, unless `build: false`) and stopped in `after`. `fail` may fail calls as a
 * flaky endpoint does (see RpcFailure).
 */
export function liveLookingNode(options: { build?: boolean; fail?: (request: RpcRequest) => RpcFailure | undefined } = {}): LiveLookingNode {
  let node: RunningNode | undefined;
  let proxy: RpcProxy | undefined;
  before(async () => {
    node = await startHardhatNode(fixtureRoot("basic"));
    proxy = await startRpcProxy(node.url, { ...looksLive, ...(options.fail !== undefined ? { fail: options.fail } : {}) });
    if (options.build !== false) {
      const build = await runHardhat(fixtureRoot("basic"), ["build", "--quiet"]);
      expect(build.code, build.stderr).to.equal(0);
    }
  });
  after(async () => {
    await proxy?.stop();
    await node?.stop();
  });
  return {
    get url() {
      return proxy!.url;
    },
    get calls() {
      return proxy!.calls;
    },
    get node() {
      return node!;
    },
  };
}
