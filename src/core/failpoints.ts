/**
 * Fault injection for the crash-safety tests: `HARDHAT_MIGRATIONS_FAILPOINT=<name>:<n>` makes the
 * n-th time the process reaches the point named `<name>` fatal (SIGKILL: no cleanup, no flush),
 * exactly like a machine losing power or an operator's kill -9 at that instant. Not for users.
 *
 * Points: tx-before-send, tx-after-send, tx-after-mined, registry-write (temp file written, not
 * yet renamed), journal-torn-write (half a journal line written).
 */
const setting = process.env.HARDHAT_MIGRATIONS_FAILPOINT;
const [target, countText] = setting === undefined ? [undefined, undefined] : setting.split(":");
const targetCount = Number(countText ?? "1");
let hits = 0;

/**
 * Kills the process at the configured point. Returns true (and the caller kills it itself) for
 * points that need to do something first, e.g. write half a line: see `journal-torn-write`.
 */
export function failpoint(name: string): boolean {
  if (name !== target) {
    return false;
  }
  hits += 1;
  if (hits !== targetCount) {
    return false;
  }
  if (name === "journal-torn-write") {
    return true;
  }
  process.kill(process.pid, "SIGKILL");
  return true;
}
