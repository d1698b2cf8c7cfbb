import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

import { REPO_ROOT } from "./fixture.js";

export interface RunningNode {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `hardhat node` from `projectRoot` on a free 127.0.0.1 port, resolving once it serves
 * JSON-RPC. Always stop() it (an `after` hook).
 */
export async function startHardhatNode(projectRoot: string, port?: number, extraArgs: readonly string[] = []): Promise<RunningNode> {
  const nodePort = port ?? (await freePort());
  const hardhatBin = path.join(REPO_ROOT, "node_modules", "hardhat", "dist", "src", "cli.js");
  const child: ChildProcess = spawn(
    process.execPath,
    [hardhatBin, "node", "--hostname", "127.0.0.1", "--port", String(nodePort), ...extraArgs],
    { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hardhat node did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Started HTTP")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`hardhat node exited with ${code}:\n${output}`));
    });
  });
  child.stdout!.resume();
  child.stderr!.resume();
  return {
    url: `http://127.0.0.1:${nodePort}`,
    port: nodePort,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
