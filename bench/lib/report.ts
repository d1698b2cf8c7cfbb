/** One target of the issue, measured. */
export interface TargetResult {
  readonly name: string;
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

/** What a case prints and what it hands to the summary. */
export interface CaseReport {
  readonly title: string;
  readonly lines: string[];
  readonly targets: TargetResult[];
  /** Raw figures (milliseconds, gas, counts) for bench/.work/results.json. */
  readonly data: Record<string, unknown>;
}

export interface BenchOptions {
  readonly rounds: number;
  /** Migrations in cases 1 and 2. */
  readonly n: number;
  /** Recorded migrations in case 4's large project. */
  readonly statusLarge: number;
  /** Recorded migrations in case 4's largest project (the linearity check). */
  readonly statusMax: number;
  /** Tests in case 5. */
  readonly tests: number;
  readonly cases: ReadonlySet<number>;
  /** The tools of cases 1, 2 and 6 to run (`--tools ours,viem`; keys in `TOOL_KEYS`): all when absent. */
  readonly tools?: ReadonlySet<string>;
  readonly log: (line: string) => void;
}
