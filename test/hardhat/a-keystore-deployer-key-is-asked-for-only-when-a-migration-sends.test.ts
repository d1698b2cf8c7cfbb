import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { fixtureRoot, migrationsDir, REPO_ROOT, tempDir } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";

// `hardhat node`'s development account #2 and its key, kept in the keystore.
const ACCOUNT_2 = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const ACCOUNT_2_KEY = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";
const PASSWORD = "correct horse battery";

interface Run {
  readonly code: number | null;
  readonly output: string;
  /** The prompts that were answered, in order. */
  readonly prompts: string[];
}

/**
 * Runs `hardhat <args>` in the keystore fixture as a user at a terminal would: each prompt Hardhat
 * shows (through its user-interruption mechanism) is answered when it appears. Without answers,
 * stdin is closed: a prompt would fail the command.
 */
function hardhat(args: string[], env: Record<string, string>, answers: Array<[prompt: string, answer: string]> = []): Promise<Run> {
  const bin = path.join(REPO_ROOT, "node_modules", "hardhat", "dist", "src", "cli.js");
  const environment: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", ...env };
  for (const key of ["CI", "CONTINUOUS_INTEGRATION", "BUILD_NUMBER", "RUN_ID", "GITHUB_ACTIONS", "HH_TEST"]) {
    delete environment[key];
  }
  const child = spawn(process.execPath, [bin, ...args], { cwd: fixtureRoot("keystore"), env: environment, stdio: ["pipe", "pipe", "pipe"] });
  if (answers.length === 0) {
    child.stdin.end();
  }
  let output = "";
  let answered = 0;
  const prompts: string[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    const next = answers[answered];
    if (next !== undefined && output.split(next[0]).length - 1 > prompts.filter((p) => p === next[0]).length) {
      answered += 1;
      prompts.push(next[0]);
      child.stdin.write(`${next[1]}\n`);
      if (answered === answers.length) {
        child.stdin.end();
      }
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output, prompts }));
  });
}

describe("a deployer key kept in hardhat-keystore", function () {
  let node: RunningNode;
  let env: Record<string, string>;
  let registryDir: string;

  before(async () => {
    node = await startHardhatNode(fixtureRoot("basic"));
    registryDir = await tempDir("hhm-registry-");
    const dir = await migrationsDir({
      "1_pay.js": `
export default async function ({ deployer, log }) {
  log("deployer " + (await deployer.getAddress()));
  await deployer.sendTransaction({ to: "0x000000000000000000000000000000000000bEEF", value: 3n });
}
`,
    });
    // The keystore lives in Hardhat's config directory: a fresh one, not the user's.
    env = { XDG_CONFIG_HOME: await tempDir("hhm-xdg-"), MIGRATIONS_TEST_RPC_URL: node.url, MIGRATIONS_TEST_DIR: dir, MIGRATIONS_TEST_REGISTRY_DIR: registryDir };
    const set = await hardhat(["keystore", "set", "DEPLOYER_KEY"], env, [
      ["Enter the password", PASSWORD],
      ["confirm your password", PASSWORD],
      ["Enter secret to store", ACCOUNT_2_KEY],
    ]);
    expect(set.code, set.output).to.equal(0);
  });

  after(async () => {
    await node?.stop();
  });

  it("status and a dry run never ask for the keystore password", async () => {
    for (const args of [["migrate", "status"], ["migrate", "--dry-run"], ["migrate", "store", "export"]]) {
      const run = await hardhat([...args, "--network", "testnode"], env);
      expect(run.code, `${args.join(" ")}\n${run.output}`).to.equal(0);
      expect(run.output).not.to.contain("[hardhat-keystore]");
    }
  });

  it("a dry run on a live network never asks for the keystore password: it shows the deployer's balance when its address is configured (and --simulate runs as it), else says it did not check it", async () => {
    const unknown = await hardhat(["migrate", "--dry-run", "--network", "testlive"], env);
    expect(unknown.code, unknown.output).to.equal(0);
    expect(unknown.output).not.to.contain("[hardhat-keystore]");
    expect(unknown.output).to.contain("1_pay.js");
    expect(unknown.output).to.contain("The deployer's balance was not checked");
    expect(unknown.output).not.to.contain(ACCOUNT_2);

    const known = await hardhat(["migrate", "--dry-run", "--network", "testliveaddress"], { ...env, MIGRATIONS_TEST_DEPLOYER_ADDRESS: ACCOUNT_2 });
    expect(known.code, known.output).to.equal(0);
    expect(known.output).not.to.contain("[hardhat-keystore]");
    expect(known.output).to.contain(ACCOUNT_2);
    expect(known.output).to.match(/10,?000(\.0+)? ETH/);
    expect(known.output).not.to.contain("The deployer's balance was not checked");

    // A simulated dry run impersonates the deployer on a fork: its address is enough there too.
    const simulated = await hardhat(["migrate", "--dry-run", "--simulate", "--network", "testliveaddress"], { ...env, MIGRATIONS_TEST_DEPLOYER_ADDRESS: ACCOUNT_2 });
    expect(simulated.code, simulated.output).to.equal(0);
    expect(simulated.output).not.to.contain("[hardhat-keystore]");
    expect(simulated.output).to.contain(`as ${ACCOUNT_2}`);
    expect(simulated.output).to.contain(`deployer ${ACCOUNT_2}`);
  });

  it("migrate asks for the password once, through Hardhat's prompt, and sends from the kept key", async () => {
    const run = await hardhat(["migrate", "--network", "testnode", "--yes"], env, [["Enter the password", PASSWORD]]);
    expect(run.code, run.output).to.equal(0);
    expect(run.prompts).to.deep.equal(["Enter the password"]);
    expect(run.output.split("[hardhat-keystore] Enter the password").length - 1).to.equal(1);
    expect(run.output).to.contain(`deployer ${ACCOUNT_2}`);
    expect(run.output).not.to.contain(ACCOUNT_2_KEY.slice(2));
    const registry = JSON.parse(await readFile(path.join(registryDir, "31337.json"), "utf8")) as { migrator?: { deployer?: string } };
    expect(JSON.stringify(registry)).to.contain(ACCOUNT_2);
  });
});
