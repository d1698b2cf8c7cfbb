/**
 * A process that competes for run locks on command, for the lock race tests. Reads lines on
 * stdin: `try <file>` answers `acquired` or `locked <code>`; `release` releases and answers
 * `released`. Long-lived, so that a race between several of them starts at one instant.
 */
import { createInterface } from "node:readline";

import { RunLock } from "../../src/core/run-lock.js";

let held: RunLock | undefined;
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const [command, file] = line.split(" ");
  if (command === "try") {
    try {
      held = await RunLock.acquire(file!, 1);
      process.stdout.write("acquired\n");
    } catch (error) {
      process.stdout.write(`locked ${(error as { code?: string }).code ?? (error as Error).message}\n`);
    }
  } else if (command === "release") {
    await held?.release();
    held = undefined;
    process.stdout.write("released\n");
  }
}
