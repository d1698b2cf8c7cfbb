import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { hostname } from "node:os";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { RunLock } from "../../src/core/run-lock.js";
import { REPO_ROOT } from "../helpers/fixture.js";
import { tempDir } from "../helpers/temp.js";

describe("the run lock", () => {
  it("is exclusive while its holder lives, and released after", async () => {
    const file = path.join(await tempDir("hhm-lock-"), "1.lock");
    const lock = await RunLock.acquire(file, 1);
    expect(JSON.parse(await readFile(file, "utf8"))).to.deep.include({ pid: process.pid, host: hostname() });
    try {
      await RunLock.acquire(file, 1);
      expect.fail("acquired twice");
    } catch (error) {
      expect((error as { code?: string }).code).to.equal("MIGRATION_LOCKED");
      expect((error as Error).message).to.contain(`process ${process.pid}`);
    }
    await lock.release();
    await (await RunLock.acquire(file, 1)).release();
  });

  it("takes over a lock whose process died", async () => {
    const file = path.join(await tempDir("hhm-lock-"), "1.lock");
    const child = spawn(process.execPath, ["-e", ""]);
    const deadPid = await new Promise<number>((resolve) => child.on("exit", () => resolve(child.pid!)));
    await writeFile(file, JSON.stringify({ pid: deadPid, host: hostname(), startedAt: "2026-01-01T00:00:00.000Z" }));
    const lock = await RunLock.acquire(file, 1);
    expect(JSON.parse(await readFile(file, "utf8"))).to.deep.include({ pid: process.pid });
    await lock.release();
  });

  it("does not take over a lock held on another machine, and says whose it is", async () => {
    const file = path.join(await tempDir("hhm-lock-"), "1.lock");
    await writeFile(file, JSON.stringify({ pid: 1, host: "build-server-7", startedAt: "2026-01-01T00:00:00.000Z" }));
    try {
      await RunLock.acquire(file, 1);
      expect.fail("acquired");
    } catch (error) {
      expect((error as Error).message).to.contain("process 1 on build-server-7");
      expect((error as { hint?: string }).hint).to.contain(`delete ${file}`);
    }
  });
});

describe("the run lock under a race", function () {
  this.timeout(300_000);
  const contenders: Array<{ child: ChildProcessWithoutNullStreams; next: () => Promise<string> }> = [];

  before(async () => {
    for (let i = 0; i < 4; i++) {
      const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "test", "helpers", "lock-contender.ts")], { cwd: REPO_ROOT });
      const lines = createInterface({ input: child.stdout });
      const queue: string[] = [];
      const waiting: Array<(line: string) => void> = [];
      lines.on("line", (line) => (waiting.length > 0 ? waiting.shift()!(line) : queue.push(line)));
      contenders.push({ child, next: () => (queue.length > 0 ? Promise.resolve(queue.shift()!) : new Promise((resolve) => waiting.push(resolve))) });
    }
  });

  after(() => {
    for (const { child } of contenders) {
      child.stdin.end();
    }
  });

  async function race(file: string): Promise<string[]> {
    for (const { child } of contenders) {
      child.stdin.write(`try ${file}\n`);
    }
    const answers = await Promise.all(contenders.map(({ next }) => next()));
    for (const { child } of contenders) {
      child.stdin.write("release\n");
    }
    expect(await Promise.all(contenders.map(({ next }) => next()))).to.deep.equal(["released", "released", "released", "released"]);
    return answers;
  }

  it("has exactly one holder when 4 processes take it at once, again and again", async () => {
    const dir = await tempDir("hhm-lock-race-");
    for (let trial = 0; trial < 60; trial++) {
      const answers = await race(path.join(dir, `${trial}.lock`));
      expect(answers.filter((a) => a === "acquired"), `trial ${trial}: ${answers.join(", ")}`).to.have.length(1);
      expect(answers.filter((a) => a !== "acquired")).to.deep.equal(["locked MIGRATION_LOCKED", "locked MIGRATION_LOCKED", "locked MIGRATION_LOCKED"]);
    }
  });

  it("has exactly one holder when 4 processes take over a dead process's lock at once, again and again", async () => {
    const dir = await tempDir("hhm-lock-race-");
    const child = spawn(process.execPath, ["-e", ""]);
    const deadPid = await new Promise<number>((resolve) => child.on("exit", () => resolve(child.pid!)));
    for (let trial = 0; trial < 60; trial++) {
      const file = path.join(dir, `${trial}.lock`);
      await writeFile(file, JSON.stringify({ pid: deadPid, host: hostname(), startedAt: "2026-01-01T00:00:00.000Z" }));
      const answers = await race(file);
      expect(answers.filter((a) => a === "acquired"), `trial ${trial}: ${answers.join(", ")}`).to.have.length(1);
    }
  });

  it("never takes over an empty lock file (its holder may be writing it)", async () => {
    const file = path.join(await tempDir("hhm-lock-"), "1.lock");
    await writeFile(file, "");
    try {
      await RunLock.acquire(file, 1);
      expect.fail("took over an empty lock");
    } catch (error) {
      expect((error as { code?: string }).code).to.equal("MIGRATION_LOCKED");
      expect((error as Error).message).to.contain("empty or unreadable");
    }
    expect(await readFile(file, "utf8")).to.equal("");
  });
});
