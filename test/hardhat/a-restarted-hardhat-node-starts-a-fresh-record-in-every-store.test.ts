import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { runHardhat } from "../helpers/cli.js";
import { fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";
import { deployToken } from "../helpers/migrations.js";
import { rpc } from "../helpers/rpc.js";

const STORES = ["chain", "file", "none"] as const;

describe("a restarted `hardhat node` starts a fresh record in every store, archiving the old files", function () {
  let node: RunningNode | undefined;

  before(async () => {
    const build = await runHardhat(fixtureRoot("basic"), ["build", "--quiet"]);
    expect(build.code, build.stderr).to.equal(0);
  });

  after(async () => {
    await node?.stop();
  });

  it("migrates again after the restart, with a notice, and keeps the old files in deployments/.archive/", async () => {
    const dir = await migrationsDir({ "1_token.js": deployToken });
    const registryDirs = Object.fromEntries(await Promise.all(STORES.map(async (store) => [store, await tempDir(`hhm-restart-${store}-`)] as const)));
    const migrate = (store: (typeof STORES)[number], url: string) =>
      runHardhat(fixtureRoot("basic"), ["migrate", "--network", "testnode", "--no-compile"], {
        MIGRATIONS_TEST_RPC_URL: url,
        MIGRATIONS_TEST_DIR: dir,
        MIGRATIONS_TEST_REGISTRY_DIR: registryDirs[store]!,
        MIGRATIONS_TEST_NETWORKS: JSON.stringify({ testnode: { store } }),
      });

    node = await startHardhatNode(fixtureRoot("basic"));
    const firstGenesis = ((await rpc(node.url, "eth_getBlockByNumber", ["0x0", false])) as { hash: string }).hash;
    for (const store of STORES) {
      const first = await migrate(store, node.url);
      expect(first.code, `${store}: ${first.stdout}${first.stderr}`).to.equal(0);
    }
    await node.stop();
    node = await startHardhatNode(fixtureRoot("basic"));
    const secondGenesis = ((await rpc(node.url, "eth_getBlockByNumber", ["0x0", false])) as { hash: string }).hash;
    expect(secondGenesis, "a restarted hardhat node has another genesis").to.not.equal(firstGenesis);

    for (const store of STORES) {
      const registryDir = registryDirs[store]!;
      const second = await migrate(store, node.url);
      const out = second.stdout + second.stderr;
      expect(second.code, `${store}: ${out}`).to.equal(0);
      expect(out, store).to.contain("the dev chain was restarted").and.to.contain(path.join(".archive", "31337.stale-"));
      expect(out, store).to.contain("1_token.js");
      const registry = JSON.parse(await readFile(path.join(registryDir, "31337.json"), "utf8")) as { genesisHash: string; contracts: Record<string, unknown> };
      expect(registry.genesisHash, store).to.equal(secondGenesis);
      expect(Object.keys(registry.contracts), store).to.deep.equal(["Token"]);

      // Nothing stale beside the live files: the old ones are in .archive/.
      const top = await readdir(registryDir);
      expect(top.filter((f) => f.includes("stale")), store).to.deep.equal([]);
      const archived = await readdir(path.join(registryDir, ".archive"));
      expect(archived.some((f) => /^31337\.stale-.*\.json$/.test(f)), `${store}: ${archived.join(", ")}`).to.equal(true);
      if (store === "file") {
        expect(out).to.contain("fresh record of completed migrations").and.to.contain(path.join(".archive", "31337.migrations.stale-"));
        expect(archived.some((f) => /^31337\.migrations\.stale-.*\.json$/.test(f)), archived.join(", ")).to.equal(true);
        const record = JSON.parse(await readFile(path.join(registryDir, "31337.migrations.json"), "utf8")) as { genesisHash: string; migrations: Array<{ id: number }> };
        expect(record.genesisHash).to.equal(secondGenesis);
        expect(record.migrations.map((m) => m.id)).to.deep.equal([1]);
      }
      const status = await runHardhat(fixtureRoot("basic"), ["migrate", "status", "--network", "testnode"], {
        MIGRATIONS_TEST_RPC_URL: node.url,
        MIGRATIONS_TEST_DIR: dir,
        MIGRATIONS_TEST_REGISTRY_DIR: registryDir,
        MIGRATIONS_TEST_NETWORKS: JSON.stringify({ testnode: { store } }),
      });
      expect(status.code, `${store}: ${status.stderr}`).to.equal(0);
      if (store !== "none") expect(status.stdout, store).to.match(/1\s+1_token\.js\s+up/);
    }
  });
});
