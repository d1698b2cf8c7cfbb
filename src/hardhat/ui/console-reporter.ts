import type { MigrationEvent } from "../../core/events.js";
import { formatBalance, formatNative, formatGwei } from "./format-amounts.js";
import { formatEvent, formatSpending, formatSummary, formatWaiting, type Spending } from "./format-events.js";
import { colorEnabled, palette, type Palette } from "./colors.js";

/** Where the reporter writes: process.stdout, or anything with `write` (tests). */
export interface ReporterOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface ConsoleReporterOptions {
  readonly output?: ReporterOutput;
  /** `--no-color`. NO_COLOR and FORCE_COLOR are read from the environment. */
  readonly noColor?: boolean;
  /** A --simulate run: the summary estimates the cost at the network's current gas price. */
  readonly simulation?: boolean;
}

/** Where a run stands, for the Ctrl-C message. */
export interface RunPosition {
  readonly completed: readonly string[];
  readonly current?: string;
  /** Transactions the current migration sent (or reused) before it stopped. */
  readonly sentInCurrent: number;
  readonly rolledBack: boolean;
}

/**
 * Non-terminal output prints a waiting line when a transaction starts waiting, on each new
 * confirmation, and otherwise at most this often (a terminal updates one line in place).
 */
const PLAIN_WAITING_EVERY_MS = 10_000;

/**
 * Prints a run's events as `npx hardhat migrate` does: each transaction's hash when it is sent,
 * one live line while it waits (in a terminal; plain lines, no animation, otherwise), gas and
 * cost per migration and in the summary, and on live networks the deployer's balance before and
 * after. Keeps the state the Ctrl-C message needs.
 */
export class ConsoleReporter {
  readonly #out: ReporterOutput;
  readonly #live: boolean;
  readonly #p: Palette;
  readonly #simulation: boolean;
  #chainId = 0;
  #liveLine = false;
  #lastPlainWaiting = new Map<string, { elapsedMs: number; confirmations: number }>();
  #migration: Spending = { gasUsed: 0n, cost: 0n };
  #total: Spending = { gasUsed: 0n, cost: 0n };
  #before: Extract<MigrationEvent, { type: "account" }> | undefined;
  #after: Extract<MigrationEvent, { type: "account" }> | undefined;
  /** Transactions an interrupted run sent and paid for: not this run's cost. */
  readonly #reused = new Set<string>();
  #completed: string[] = [];
  #current: string | undefined;
  #sentInCurrent = 0;
  #rolledBack = false;

  constructor(options: ConsoleReporterOptions = {}) {
    this.#out = options.output ?? process.stdout;
    this.#live = this.#out.isTTY === true;
    this.#p = palette(colorEnabled(this.#out, options.noColor === true));
    this.#simulation = options.simulation === true;
  }

  get palette(): Palette {
    return this.#p;
  }

  /** The listener to pass as `onEvent`. */
  readonly onEvent = (event: MigrationEvent): void => {
    switch (event.type) {
      case "plan":
        this.#chainId = event.network.chainId;
        break;
      case "migration-started":
        this.#migration = { gasUsed: 0n, cost: 0n };
        this.#current = event.migration.fileName;
        this.#sentInCurrent = 0;
        this.#rolledBack = false;
        break;
      case "tx-sent":
        this.#lastPlainWaiting.delete(event.hash);
        if (event.reused === true) {
          this.#reused.add(event.hash.toLowerCase());
        }
        if (event.replaces === undefined && event.migration.id !== 0) {
          this.#sentInCurrent += 1;
        }
        break;
      case "tx-waiting":
        this.#waiting(event);
        return;
      case "tx-mined":
        if (this.#reused.has(event.hash.toLowerCase())) {
          return;
        }
        this.#migration = add(this.#migration, event);
        this.#total = add(this.#total, event);
        break;
      case "migration-completed":
        this.#completed.push(event.migration.fileName);
        this.#current = undefined;
        this.print([...formatEvent(event, this.#p), `  ${formatSpending(this.#migration, this.#chainId)}`]);
        return;
      case "migration-failed":
        this.#rolledBack = event.rolledBack;
        break;
      case "account":
        this.#account(event);
        return;
      case "finished":
        if (event.result.planned !== undefined) {
          this.#dryRunHint();
        } else {
          this.print(["", formatSummary(event.result, this.#spending())]);
        }
        return;
      default:
        break;
    }
    this.print(formatEvent(event, this.#p));
  };

  /** Where the run stands (for the Ctrl-C message). */
  position(): RunPosition {
    return { completed: [...this.#completed], ...(this.#current !== undefined ? { current: this.#current } : {}), sentInCurrent: this.#sentInCurrent, rolledBack: this.#rolledBack };
  }

  print(lines: readonly string[]): void {
    if (lines.length === 0) {
      return;
    }
    this.#clearLive();
    this.#out.write(lines.map((line) => `${line}\n`).join(""));
  }

  /** Ends a live line, if one is showing. */
  close(): void {
    this.#clearLive();
  }

  #clearLive(): void {
    if (this.#liveLine) {
      this.#out.write("\r\u001b[2K");
      this.#liveLine = false;
    }
  }

  #waiting(event: Extract<MigrationEvent, { type: "tx-waiting" }>): void {
    if (this.#live) {
      this.#out.write(`\r\u001b[2K${this.#p.dim(formatWaiting(event))}`);
      this.#liveLine = true;
      return;
    }
    const last = this.#lastPlainWaiting.get(event.hash);
    if (last === undefined || event.confirmations !== last.confirmations || event.elapsedMs - last.elapsedMs >= PLAIN_WAITING_EVERY_MS) {
      this.#lastPlainWaiting.set(event.hash, event);
      this.print([formatWaiting(event)]);
    }
  }

  #account(event: Extract<MigrationEvent, { type: "account" }>): void {
    if (event.when === "before") {
      this.#before = event;
      const price = event.gasPrice !== undefined ? `; gas price now ${formatGwei(event.gasPrice)}` : "";
      this.print([`Deployer ${event.address}: balance ${formatBalance(event.balance, this.#chainId)}${price}.`]);
      return;
    }
    this.#after = event; // printed with the summary
  }

  #dryRunHint(): void {
    if (this.#before?.gasPrice !== undefined) {
      this.print(["To estimate this run's cost at that price, add --simulate (it runs the migrations on a local fork)."]);
    }
  }

  /** The summary's cost lines: total, the deployer's balance after, a simulation's estimate. */
  #spending(): string[] {
    const lines: string[] = [];
    const before = this.#before;
    if (this.#total.gasUsed > 0n) {
      lines.push(`Total ${formatSpending(this.#total, this.#chainId)}.`);
    }
    const after = this.#after;
    if (after !== undefined) {
      const spent = before !== undefined ? ` (${formatNative(before.balance - after.balance, this.#chainId)} spent)` : "";
      lines.push(`Deployer ${after.address}: balance ${formatBalance(after.balance, this.#chainId)} after the run${spent}.`);
    }
    if (this.#simulation && before?.gasPrice !== undefined && this.#total.gasUsed > 0n) {
      const estimate = this.#total.gasUsed * before.gasPrice;
      lines.push(`Estimated cost on the network at its current gas price (${formatGwei(before.gasPrice)}): ${formatNative(estimate, this.#chainId)}.`);
      if (before.balance < estimate) {
        lines.push(
          this.#p.red(
            `Warning: the deployer's balance (${formatBalance(before.balance, this.#chainId)}) is not enough for it: ${formatNative(estimate - before.balance, this.#chainId)} short, before any price rise.`,
          ),
        );
      }
    }
    return lines;
  }
}

function add(total: Spending, mined: Spending): Spending {
  return { gasUsed: total.gasUsed + mined.gasUsed, cost: total.cost + mined.cost };
}
