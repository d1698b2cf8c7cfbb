import { writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

import { expect } from "chai";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import { createFixtureHre, migrationsDir, tempDir } from "../helpers/fixture.js";
import { deployToken } from "../helpers/migrations.js";

const API_KEY = "d3adb33fd3adb33fd3adb33fd3adb33f";
const PRIVATE_KEY = `0x${"5e".repeat(32)}`;

/**
 * A gateway that fails every request with a message quoting its full URL and the key it was
 * configured with, as misconfigured proxies and some providers do.
 */
async function startLeakyGateway(): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const { id } = JSON.parse(body) as { id: unknown };
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3/${API_KEY}`;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ jsonrpc: "2.0", id, error: { code: -32000, message: `upstream ${url} refused the request signed with ${PRIVATE_KEY}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3/${API_KEY}`, server };
}

describe("no public entry point leaks a configured secret in its error or its output", function () {
  let gateway: { url: string; server: Server };
  let hre: HardhatRuntimeEnvironment;
  let leaky: NetworkConnection;
  let registryDir: string;
  let snapshotFile: string;
  const output: unknown[] = [];
  const onEvent = (event: unknown) => output.push(event);

  before(async function () {
    gateway = await startLeakyGateway();
    registryDir = await tempDir();
    hre = await createFixtureHre(
      "basic",
      { dir: await migrationsDir({ "1_token.ts": deployToken }), registryDir },
      {
        networks: {
          leaky: { type: "http", url: gateway.url, accounts: [PRIVATE_KEY] },
          leaky2: { type: "http", url: `${gateway.url}/2`, accounts: [PRIVATE_KEY] },
        },
      },
    );
    leaky = await hre.network.create("leaky");
    // A valid snapshot to bootstrap from, taken on the in-process network.
    snapshotFile = path.join(registryDir, "state.json");
    const local = await hre.network.create();
    await local.migrations.snapshot({ out: snapshotFile });
  });

  after(async function () {
    await new Promise((resolve) => gateway.server.close(resolve));
  });

  beforeEach(() => (output.length = 0));

  const expectClean = async (promise: Promise<unknown>): Promise<void> => {
    let failure: unknown;
    try {
      await promise;
    } catch (error) {
      failure = error;
    }
    expect(failure, "the entry point failed").to.be.instanceOf(Error);
    const texts: string[] = [];
    for (let e: unknown = failure; e instanceof Error; e = e.cause) {
      texts.push(e.message, e.stack ?? "", String((e as { hint?: unknown }).hint ?? ""));
    }
    texts.push(JSON.stringify(output, (_key, value: unknown) => (value instanceof Error ? `${value.message}\n${value.stack}` : typeof value === "bigint" ? String(value) : value)));
    const all = texts.join("\n");
    expect(all, "the failure came from the gateway").to.contain("<redacted>");
    expect(all).to.not.contain(API_KEY);
    expect(all).to.not.contain(PRIVATE_KEY.slice(2));
  };

  it("run", () => expectClean(leaky.migrations.run({ onEvent })));
  it("run through hre.migrations", () => expectClean(hre.migrations.run({ network: "leaky", onEvent })));
  it("status", () => expectClean(leaky.migrations.status()));
  it("down", () => expectClean(leaky.migrations.down({ onEvent })));
  it("redo", () => expectClean(leaky.migrations.redo({ onEvent })));
  it("forceClean", () => expectClean(leaky.migrations.forceClean(1)));
  it("snapshot", () => expectClean(leaky.migrations.snapshot({ out: path.join(registryDir, "leaky.json") })));
  it("bootstrap", () => expectClean(leaky.migrations.bootstrap(snapshotFile)));
  it("sync", () => expectClean(hre.migrations.sync({ from: "leaky", to: "leaky2", until: 1, onProgress: onEvent })));
  it("cutover", () => expectClean(hre.migrations.cutover({ from: "leaky", to: "leaky2", onProgress: onEvent })));
  it("importTruffle", async () => {
    const build = await tempDir();
    await writeFile(path.join(build, "Token.json"), JSON.stringify({ contractName: "Token", abi: [], bytecode: "0x", networks: { "1": { address: `0x${"11".repeat(20)}` } } }));
    await expectClean(leaky.migrations.importTruffle({ buildDir: build, completed: 1 }));
  });
  it("importHardhatDeploy", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, ".chainId"), "1");
    await expectClean(leaky.migrations.importHardhatDeploy({ dir }));
  });
  it("exportState (store export)", () => expectClean(leaky.migrations.exportState()));
  it("importState (store import)", () => expectClean(leaky.migrations.importState({ format: "hardhat-migrations/state@1", chainId: 1, migrations: [] })));
  it("fixture", () => expectClean(leaky.migrations.fixture()));
  it("registry", () => expectClean(leaky.migrations.registry.all()));
});
