import { readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { VERSION_CALL } from "../../src/core/stores/migrator-events.js";
import { runHardhat } from "../helpers/cli.js";
import { fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { liveLookingNode } from "../helpers/live-looking-node.js";
import { deployToken } from "../helpers/migrations.js";
import type { RpcFailure, RpcRequest } from "../helpers/rpc-proxy.js";
import { blockNumber } from "../helpers/rpc.js";

/** Which calls the endpoint fails, how, and how many more times. */
interface Flakiness {
  readonly on: (request: RpcRequest) => boolean;
  readonly as: RpcFailure;
  times: number;
}

const lower = (value: unknown) => String(value).toLowerCase();

describe("a node failure while reading the Migrator is reported as such, never as an incompatible Migrator", function () {
  let flakiness: Flakiness | undefined;
  const live = liveLookingNode({
    fail: (request) => {
      if (flakiness === undefined || flakiness.times <= 0 || !flakiness.on(request)) {
        return undefined;
      }
      flakiness.times -= 1;
      return flakiness.as;
    },
  });
  let migrator: string;
  let registryFile: string;
  let hardhat: (...args: string[]) => ReturnType<typeof runHardhat>;
  let env: Record<string, string>;

  /** The Migrator's `version()`, asked by `eth_call`. */
  const versionCall = (request: RpcRequest) =>
    request.method === "eth_call" && lower((request.params[0] as { to?: string }).to) === lower(migrator) && (request.params[0] as { data?: string }).data === VERSION_CALL;
  /** The Migrator's record events, asked by `eth_getLogs`. */
  const recordEvents = (request: RpcRequest) => request.method === "eth_getLogs" && lower((request.params[0] as { address?: string }).address) === lower(migrator);

  before(async () => {
    const dir = await migrationsDir({ "1_token.js": deployToken });
    const registryDir = await tempDir("hhm-unreachable-");
    env = { MIGRATIONS_TEST_RPC_URL: live.url, MIGRATIONS_TEST_DIR: dir, MIGRATIONS_TEST_REGISTRY_DIR: registryDir };
    hardhat = (...args: string[]) => runHardhat(fixtureRoot("basic"), [...args, "--network", "testnode"], env);
    const first = await hardhat("migrate", "--yes", "--no-compile");
    expect(first.code, first.stdout + first.stderr).to.equal(0);
    registryFile = path.join(registryDir, "31337.json");
    migrator = (JSON.parse(await readFile(registryFile, "utf8")) as { migrator: { address: string } }).migrator.address;
  });

  afterEach(() => {
    flakiness = undefined;
  });

  const failures: Array<{ what: string; on: "version" | "events"; as: RpcFailure; command: string[] }> = [
    { what: "an HTTP 502 from the load balancer on version()", on: "version", as: { httpStatus: 502 }, command: ["migrate", "--yes", "--no-compile"] },
    { what: "an HTTP 503 on the record events", on: "events", as: { httpStatus: 503 }, command: ["migrate", "status"] },
    { what: "a JSON-RPC -32603 internal error on version()", on: "version", as: { rpcError: { code: -32603, message: "internal error" } }, command: ["migrate", "status"] },
    { what: "a dropped connection on version()", on: "version", as: { reset: true }, command: ["migrate", "--yes", "--no-compile"] },
    { what: "an HTTP 429 rate limit on version()", on: "version", as: { httpStatus: 429 }, command: ["migrate", "status"] },
    // With the network's `timeout` at 1 s, as an RPC that stopped answering is seen.
    { what: "no answer to version() within the network's timeout", on: "version", as: { hang: true }, command: ["migrate", "--yes", "--no-compile"] },
  ];

  for (const failure of failures) {
    it(`${failure.what}, every time: \`${failure.command.join(" ")}\` stops with HHM336, says nothing was changed and never says to move the registry`, async () => {
      const registryBefore = await readFile(registryFile, "utf8");
      const block = await blockNumber(live.node.url);
      flakiness = { on: failure.on === "version" ? versionCall : recordEvents, as: failure.as, times: Number.POSITIVE_INFINITY };

      const result = await runHardhat(fixtureRoot("basic"), [...failure.command, "--network", "testnode"], {
        ...env,
        ...("hang" in failure.as ? { MIGRATIONS_TEST_RPC_TIMEOUT_MS: "1000" } : {}),
      });

      const out = result.stdout + result.stderr;
      expect(result.code, out).to.not.equal(0);
      expect(out, out).to.contain(`HHM336: Could not read the Migrator at ${migrator} on testnode`);
      expect(out, out).to.contain("Nothing was changed");
      expect(out, out).to.not.contain("HHM163").and.to.not.contain("not a compatible Migrator").and.to.not.contain("move");
      expect(await readFile(registryFile, "utf8"), "the registry is untouched").to.equal(registryBefore);
      expect(await blockNumber(live.node.url), "nothing was sent").to.equal(block);
    });
  }

  it("a single 502 on version() is retried: `migrate status` shows the record, `migrate` finds nothing to do", async () => {
    flakiness = { on: versionCall, as: { httpStatus: 502 }, times: 1 };
    const status = await hardhat("migrate", "status");
    expect(status.code, status.stdout + status.stderr).to.equal(0);
    expect(flakiness.times, "the proxy failed one read").to.equal(0);
    expect(status.stdout).to.match(/1_token/);

    flakiness = { on: versionCall, as: { rpcError: { code: -32603, message: "internal error" } }, times: 1 };
    const again = await hardhat("migrate", "--yes", "--no-compile");
    expect(again.code, again.stdout + again.stderr).to.equal(0);
    expect(flakiness.times, "the proxy failed one read").to.equal(0);
    expect(again.stdout).to.contain("Nothing to migrate on testnode (chain 31337): 1 migration(s) already completed.");
  });
});
