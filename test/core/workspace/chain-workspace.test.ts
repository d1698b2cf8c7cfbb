import path from "node:path";

import { expect } from "chai";

import type { ChainInfo } from "../../../src/core/chain.js";
import { FileChainWorkspace } from "../../../src/core/workspace/file-chain-workspace.js";
import { MemoryChainWorkspace } from "../../../src/core/workspace/memory-chain-workspace.js";

const sepolia: ChainInfo = { chainId: 11155111, genesisHash: `0x${"ab".repeat(32)}`, isDevChain: false } as ChainInfo;

describe("a chain's workspace", () => {
  it("on disk, keeps every file of the chain under the registry directory, named after its chain id", () => {
    const dir = path.join("project", "deployments");
    const workspace = new FileChainWorkspace(dir, sepolia);
    expect({
      registry: workspace.registry.location,
      journal: workspace.journal.location,
      snapshots: workspace.snapshots.file,
      lock: workspace.lockFile,
      state: workspace.stateFile,
      sync: workspace.syncCheckpointFile,
    }).to.deep.equal({
      registry: path.join(dir, "11155111.json"),
      journal: path.join(dir, "11155111.journal.jsonl"),
      snapshots: path.join(dir, "11155111.snapshots.json"),
      lock: path.join(dir, "11155111.lock"),
      state: path.join(dir, "11155111.migrations.json"),
      sync: path.join(dir, "11155111.sync.json"),
    });
  });

  it("in memory, keeps what is saved for as long as it lives, takes no lock and names no file", async () => {
    const workspace = new MemoryChainWorkspace();
    await workspace.journal.append('{"type":"header"}\n');
    expect(await workspace.journal.read()).to.contain("header");
    expect([workspace.lockFile, workspace.stateFile, workspace.syncCheckpointFile]).to.deep.equal([undefined, undefined, undefined]);
  });
});
