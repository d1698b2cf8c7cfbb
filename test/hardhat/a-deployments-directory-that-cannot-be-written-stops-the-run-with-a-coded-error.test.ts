import { appendFile, chmod, chown, mkdir, readFile, stat, truncate, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { HARDHAT_CLI, runHardhat, runNodeScript, type CliResult } from "../helpers/cli.js";
import { fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";
import { deployToken, deployTokenAs } from "../helpers/migrations.js";
import { fillDisk, mountTmpfs } from "../helpers/tmpfs.js";

const DEPLOYER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

describe("a deployments directory that cannot be written stops the run with a coded error, before anything is sent", function () {
  let node: RunningNode;
  let dir: string;
  const unmounts: Array<() => void> = [];

  const migrate = (registryDir: string, ...extra: string[]): Promise<CliResult> =>
    runHardhat(fixtureRoot("basic"), ["migrate", "--network", "testnode", ...extra], {
      MIGRATIONS_TEST_RPC_URL: node.url,
      MIGRATIONS_TEST_DIR: dir,
      MIGRATIONS_TEST_REGISTRY_DIR: registryDir,
    });

  const sentByDeployer = async (): Promise<number> => {
    const response = await fetch(node.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_getTransactionCount", params: [DEPLOYER, "latest"] }),
    });
    return Number(BigInt(((await response.json()) as { result: string }).result));
  };

  function expectCodedFailure(result: CliResult, message: string, hint: string): void {
    const output = result.stdout + result.stderr;
    expect(result.code, output).to.equal(1);
    expect(output).to.contain(message);
    expect(output).to.contain(hint);
    expect(output).to.not.contain("An unexpected error occurred");
    expect(output).to.not.match(/\n\s+at .+:\d+:\d+\)?\n/);
  }

  before(async () => {
    node = await startHardhatNode(fixtureRoot("basic"));
    dir = await migrationsDir({ "1_token.js": deployToken });
  });

  after(async () => {
    for (const unmount of unmounts) {
      unmount();
    }
    await node?.stop();
  });

  it("`deployments` is a file", async () => {
    const registryDir = path.join(await tempDir("hhm-project-"), "deployments");
    await writeFile(registryDir, "not a directory\n");
    expectCodedFailure(
      await migrate(registryDir),
      `HHM251: Could not take the run lock ${path.join(registryDir, "31337.lock")}: EEXIST (file already exists).`,
      `A file stands where the directory ${registryDir} should be: move that file away, or set \`migrations.registryDir\` to another directory.`,
    );
    expect(await readFile(registryDir, "utf8")).to.equal("not a directory\n");
    expect(await sentByDeployer()).to.equal(0);
  });

  it("`deployments` is under a file", async () => {
    const project = await tempDir("hhm-project-");
    await writeFile(path.join(project, "deployments"), "not a directory\n");
    const registryDir = path.join(project, "deployments", "mainnet");
    expectCodedFailure(
      await migrate(registryDir),
      `HHM251: Could not take the run lock ${path.join(registryDir, "31337.lock")}: ENOTDIR (not a directory).`,
      "A file stands where the directory",
    );
    expect(await sentByDeployer()).to.equal(0);
  });

  // Root ignores file modes, so this one runs the command as the unprivileged user nobody
  // (uid 65534) against a directory it may not write (mode 555).
  it("`deployments` is not writable by the user running the command (EACCES)", async function () {
    if (process.getuid?.() !== 0) {
      this.skip(); // needs root to run the command as another user
    }
    const project = await tempDir("hhm-project-");
    const registryDir = path.join(project, "deployments");
    await mkdir(registryDir, { mode: 0o555 });
    await chmod(registryDir, 0o555);
    await chmod(project, 0o755);
    const home = await tempDir("hhm-home-");
    await chown(home, 65534, 65534);
    const result = await runHardhatAs(65534, ["migrate", "--network", "testnode", "--no-compile"], {
      HOME: home,
      MIGRATIONS_TEST_RPC_URL: node.url,
      MIGRATIONS_TEST_DIR: dir,
      MIGRATIONS_TEST_REGISTRY_DIR: registryDir,
    });
    expectCodedFailure(
      result,
      `HHM251: Could not take the run lock ${path.join(registryDir, "31337.lock")}: EACCES (permission denied).`,
      `This user may not write in ${registryDir}: fix its permissions or owner, or set \`migrations.registryDir\` to a writable directory.`,
    );
    expect(await sentByDeployer()).to.equal(0);
  });

  // Root ignores file modes (chmod 555 stops no one here), so the read-only case is a read-only
  // mount: a tmpfs mounted with -o ro.
  it("`deployments` is on a read-only file system", async function () {
    const disk = await mountTmpfs(64, { readOnly: true });
    if (disk === undefined) {
      this.skip(); // needs root to mount a tmpfs
    }
    unmounts.push(disk!.unmount);
    expectCodedFailure(
      await migrate(disk!.dir),
      `HHM251: Could not take the run lock ${path.join(disk!.dir, "31337.lock")}: EROFS (read-only file system).`,
      `${disk!.dir} is on a read-only file system: make it writable, or set \`migrations.registryDir\` to a writable directory.`,
    );
    expect(await sentByDeployer()).to.equal(0);
  });

  it("the disk holding `deployments` is full (a real 64 KiB tmpfs)", async function () {
    const disk = await mountTmpfs(64);
    if (disk === undefined) {
      this.skip(); // needs root to mount a tmpfs
    }
    unmounts.push(disk!.unmount);
    const registryDir = path.join(disk!.dir, "deployments");
    await mkdir(registryDir);
    await fillDisk(disk!.dir);
    expectCodedFailure(
      await migrate(registryDir),
      `HHM251: Could not take the run lock ${path.join(registryDir, "31337.lock")}: ENOSPC (no space left on device).`,
      `The disk holding ${registryDir} is full: free some space there.`,
    );
    expect(await sentByDeployer()).to.equal(0);
  });

  // The defect: with the disk nearly full, half a tx-sending line was written, the transaction was
  // still sent, and the next run took the half line for a killed process's torn tail and deployed
  // again. Here the journal's last page has room for the migration-started line and part of the
  // tx-sending line, and the disk has no page left (a real tmpfs, not an injected error).
  it("the disk fills up while journaling a transaction: the transaction is not sent (HHM250)", async function () {
    const disk = await mountTmpfs(64);
    if (disk === undefined) {
      this.skip(); // needs root to mount a tmpfs
    }
    unmounts.push(disk!.unmount);
    const registryDir = path.join(disk!.dir, "deployments");
    const first = await migrate(registryDir);
    expect(first.code, first.stdout + first.stderr).to.equal(0);

    await writeFile(path.join(dir, "2_second.js"), deployTokenAs("Second"));
    const journal = path.join(registryDir, "31337.journal.jsonl");
    const started = `${JSON.stringify({ at: new Date().toISOString(), contentHash: `0x${"0".repeat(64)}`, file: "2_second.js", migration: 2, type: "migration-started" })}\n`;
    const free = started.length + 60; // room for the started line and a third of a tx-sending line
    const size = (await stat(journal)).size;
    const filler = JSON.stringify({ at: new Date().toISOString(), migration: 999, reason: "", type: "migration-failed" }).length + 1;
    const padding = (((4096 - free - size - filler) % 4096) + 4096) % 4096;
    await appendFile(journal, `${JSON.stringify({ at: new Date().toISOString(), migration: 999, reason: "x".repeat(padding), type: "migration-failed" })}\n`);
    expect((await stat(journal)).size % 4096).to.equal(4096 - free);
    await fillDisk(disk!.dir);
    // Give back exactly one page: the run lock's.
    const fillerFile = path.join(disk!.dir, "filler");
    await truncate(fillerFile, (Math.ceil((await stat(fillerFile)).size / 4096) - 1) * 4096);
    const nonceBefore = await sentByDeployer();
    const journalBefore = await readFile(journal, "utf8");

    // --no-rollback: a dev chain's rollback would revert a wrongly sent transaction and hide it.
    const result = await migrate(registryDir, "--no-rollback");
    const output = result.stdout + result.stderr;
    expect(await sentByDeployer(), "a transaction was sent that the journal does not hold").to.equal(nonceBefore);
    expect(result.code, output).to.equal(1);
    expect(output).to.contain(`HHM250: Could not write to the journal ${journal}: ENOSPC (no space left on device).`);
    expect(output).to.contain(`The disk holding ${registryDir} is full: free some space there.`);
    expect(output).to.not.contain("An unexpected error occurred");
    const journalAfter = await readFile(journal, "utf8");
    expect(journalAfter.startsWith(journalBefore)).to.equal(true);
    expect(journalAfter.endsWith("\n")).to.equal(true);
    expect(journalAfter.slice(journalBefore.length)).to.not.contain("tx-sending");
  });
});

/** `hardhat <args>` in the basic fixture as the user `uid` (the fixture is readable by everyone). */
function runHardhatAs(uid: number, args: string[], env: Record<string, string>): Promise<CliResult> {
  // Only PATH: that user has none of this one's home, caches or keys.
  return runNodeScript(HARDHAT_CLI, args, { cwd: fixtureRoot("basic"), uid, gid: uid, env: { PATH: process.env.PATH ?? "", FORCE_COLOR: "0", NO_COLOR: "1", ...env } });
}
