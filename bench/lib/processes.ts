import { spawn } from "node:child_process";

export interface TimedRun {
  readonly ms: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment a user's shell would give: no CI markers, no colours. */
function environment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", ...extra };
  for (const key of ["CI", "CONTINUOUS_INTEGRATION", "GITHUB_ACTIONS"]) {
    delete env[key];
  }
  return env;
}

/**
 * Runs `node <args>` in `cwd` (this Node 22) as a whole process and measures its wall time from
 * spawn to exit. A non-zero exit is an error carrying the output: a failed run is never timed.
 */
export function timeNode(cwd: string, args: readonly string[], env: Record<string, string> = {}, timeoutMs = 600_000): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env: environment(env), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      if (code !== 0) {
        reject(new Error(`\`node ${args.join(" ")}\` in ${cwd} exited with ${code ?? signal}:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`));
        return;
      }
      resolve({ ms, stdout, stderr });
    });
  });
}
