import { spawn } from "node:child_process";
import { hostname } from "node:os";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { RunLock } from "../../src/core/run-lock.js";
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
