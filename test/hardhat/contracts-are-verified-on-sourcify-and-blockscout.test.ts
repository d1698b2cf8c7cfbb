import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { runHardhat, type CliResult } from "../helpers/cli.js";
import { fixtureRoot } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";
import { createVerificationProject, editCounterAndSetKeptInputAside } from "../helpers/verification-project.js";
import { startLocalEtherscan, type LocalEtherscan } from "../helpers/local-etherscan.js";
import { startLocalSourcify, type LocalSourcify } from "../helpers/local-sourcify.js";

const CHAIN_ID = 4243;

type Verdicts = Record<string, { status: string; url?: string; message?: string }>;
interface Entry {
  address: string;
  buildInfoId?: string;
  verification?: Verdicts;
}

/** A user project verifying on Sourcify and on a Blockscout instance (`migrations.explorers`), Etherscan off. */
async function createProject(): Promise<string> {
  return createVerificationProject("sourcify", `  chainDescriptors: {
    ${CHAIN_ID}: {
      name: "Local chain",
      blockExplorers: {
        blockscout: { name: "LocalBlockscout", url: process.env.TEST_BLOCKSCOUT_URL ?? "http://127.0.0.1:1", apiUrl: process.env.TEST_BLOCKSCOUT_API_URL ?? "http://127.0.0.1:1/api" },
      },
    },
  },
  verify: {
    etherscan: { enabled: false },
    blockscout: { apiKey: "local-etherscan-key" },
    sourcify: { apiUrl: process.env.TEST_SOURCIFY_URL ?? "http://127.0.0.1:1", enabled: process.env.TEST_SOURCIFY_OFF === undefined },
  },
  migrations: { explorers: ["sourcify", "blockscout"] },
`);
}

describe("contracts are verified on Sourcify and Blockscout", function () {
  let node: RunningNode;
  let sourcify: LocalSourcify;
  let blockscout: LocalEtherscan;
  let project: string;
  let hardhat: (args: string[]) => Promise<CliResult>;

  const document = async () =>
    JSON.parse(await readFile(path.join(project, "deployments", `${CHAIN_ID}.json`), "utf8")) as {
      contracts: Record<string, Entry>;
      migrator: { address: string; admin: string; verification?: Verdicts; adminVerification?: Verdicts };
    };
  /** What the Sourcify server itself answers for an address (its public lookup). */
  const sourcifyMatch = async (address: string): Promise<string | null> => {
    const response = await fetch(`${sourcify.apiUrl}/v2/contract/${CHAIN_ID}/${address}`);
    return ((await response.json()) as { match: string | null }).match;
  };
  const migration = (file: string, body: string) => writeFile(path.join(project, "migrations", file), `export default async function ({ deploy }) {\n${body}\n}\n`);

  before(async function () {
    node = await startHardhatNode(fixtureRoot("basic"), undefined, ["--chain-id", String(CHAIN_ID)]);
    sourcify = await startLocalSourcify(node.url, CHAIN_ID);
    blockscout = await startLocalEtherscan(node.url);
    project = await createProject();
    const env = { TEST_RPC_URL: node.url, TEST_SOURCIFY_URL: sourcify.apiUrl, TEST_BLOCKSCOUT_URL: blockscout.url, TEST_BLOCKSCOUT_API_URL: blockscout.apiUrl };
    hardhat = (args) => runHardhat(project, args, env);
  });

  after(async function () {
    await blockscout?.stop();
    await sourcify?.stop();
    await node?.stop();
  });

  it("migrate --verify verifies each contract and the Migrator on Sourcify, and records each explorer's verdict separately", async function () {
    await migration(
      "1_deploy.ts",
      `  await deploy("Greeter");
  await deploy("Vault", ["Savings", 42n, "0x000000000000000000000000000000000000dEaD"]);`,
    );
    blockscout.available = false; // Blockscout is down: Sourcify's verdicts stand on their own
    const run = await hardhat(["migrate", "--network", "live", "--verify"]);
    blockscout.available = true;
    expect(run.code, run.stdout + run.stderr).to.equal(0);

    const { contracts, migrator } = await document();
    for (const name of ["Greeter", "Vault"]) {
      const entry = contracts[name]!;
      expect(entry.verification?.sourcify, name).to.deep.equal({ status: "verified", url: `${sourcify.apiUrl}/repo-ui/${CHAIN_ID}/${entry.address}` });
      expect(entry.verification?.blockscout?.status, name).to.equal("failed");
      expect(await sourcifyMatch(entry.address), name).to.equal("exact_match");
      expect(run.stdout).to.include(`verified on sourcify: ${name} at ${entry.address}`);
      expect(run.stdout).to.include(`NOT verified on blockscout: ${name} at ${entry.address}`);
    }
    expect(migrator.verification?.sourcify?.status).to.equal("verified");
    expect(migrator.adminVerification?.sourcify?.status).to.equal("verified");
    expect(await sourcifyMatch(migrator.address)).to.equal("exact_match");
    // lib-sourcify recompiled and matched each one: four jobs, every one a match.
    expect(sourcify.jobs.map((j) => [j.contractIdentifier.split(":")[1], j.match])).to.have.deep.members([
      ["MigratorAdmin", "exact_match"],
      ["Migrator", "exact_match"],
      ["Greeter", "exact_match"],
      ["Vault", "exact_match"],
    ]);

    // migrate verify retries Blockscout only: Sourcify has them all.
    const jobs = sourcify.jobs.length;
    const retry = await hardhat(["migrate", "verify", "--network", "live"]);
    expect(retry.code, retry.stdout + retry.stderr).to.equal(0);
    expect(sourcify.jobs.length).to.equal(jobs);
    const after = await document();
    expect(after.contracts.Vault!.verification?.blockscout?.status).to.equal("verified");
    expect(after.migrator.verification?.blockscout?.status).to.equal("verified");
    expect(blockscout.submissions.map((s) => s.verdict)).to.deep.equal(Array(4).fill("Pass - Verified"));
  });

  it("a source edited after deploy is refused by Sourcify, the registry says so, and the kept compiler input verifies it", async function () {
    await migration("2_counter.ts", `  await deploy("Counter");`);
    const deployed = await hardhat(["migrate", "--network", "live"]);
    expect(deployed.code, deployed.stdout + deployed.stderr).to.equal(0);
    const counter = (await document()).contracts.Counter!;
    // The source changes after the deployment, and Hardhat's artifacts with it; the kept input is set aside.
    const kept = await editCounterAndSetKeptInputAside(project, counter.buildInfoId, hardhat);

    const refused = await hardhat(["migrate", "verify", "--network", "live"]);
    expect(refused.code).to.not.equal(0);
    expect(refused.stdout + refused.stderr).to.include("HHM322");
    const record = (await document()).contracts.Counter!.verification?.sourcify;
    expect(record?.status).to.equal("failed");
    expect(record?.message).to.include("submitted the current sources");
    expect(sourcify.jobs.at(-1)).to.include({ address: counter.address.toLowerCase(), match: null });
    expect(await sourcifyMatch(counter.address)).to.equal(null);

    await kept.restore();
    const verified = await hardhat(["migrate", "verify", "--network", "live"]);
    expect(verified.code, verified.stdout + verified.stderr).to.equal(0);
    expect((await document()).contracts.Counter!.verification?.sourcify?.status).to.equal("verified");
    expect(await sourcifyMatch(counter.address)).to.equal("exact_match");
  });

  it("an explorer listed in migrations.explorers but turned off in hardhat-verify stops migrate verify before anything is submitted", async function () {
    const [jobs, submissions] = [sourcify.jobs.length, blockscout.submissions.length];
    const run = await runHardhat(project, ["migrate", "verify", "--network", "live"], {
      TEST_RPC_URL: node.url,
      TEST_SOURCIFY_URL: sourcify.apiUrl,
      TEST_BLOCKSCOUT_URL: blockscout.url,
      TEST_BLOCKSCOUT_API_URL: blockscout.apiUrl,
      TEST_SOURCIFY_OFF: "1",
    });
    expect(run.code).to.not.equal(0);
    expect(run.stdout + run.stderr).to.include("HHM321");
    expect(run.stdout + run.stderr).to.include("verify.sourcify.enabled: false");
    expect([sourcify.jobs.length, blockscout.submissions.length]).to.deep.equal([jobs, submissions]);
  });
});
