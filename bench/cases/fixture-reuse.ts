import path from "node:path";

import { generateFixtureTestsProject } from "../generators/fixture-tests.js";
import { HARDHAT_CLI, WORK_DIR } from "../lib/paths.js";
import { timeNode } from "../lib/processes.js";
import type { BenchOptions, CaseReport } from "../lib/report.js";
import { ratio, seconds, table } from "../lib/stats.js";
import { medians, timeTools, type ToolCommand } from "../lib/tool-runs.js";

const MIGRATIONS = 10;

/** Case 5: `tests` mocha tests that each load the migrations fixture vs `tests` bare tests. */
export async function fixtureReuseCase(options: BenchOptions): Promise<CaseReport> {
  const root = path.join(WORK_DIR, "case5");
  await generateFixtureTestsProject(root, MIGRATIONS, options.tests);
  await timeNode(root, [HARDHAT_CLI, "build"]);
  const empty = [HARDHAT_CLI, "run", "scripts/empty.ts"];
  const passing = (n: number) => (stdout: string) => {
    if (!new RegExp(`\\b${n} passing`).test(stdout) || /\bfailing\b/.test(stdout)) {
      throw new Error(`case 5: expected ${n} passing tests:\n${stdout.slice(-3000)}`);
    }
  };
  const suites: ToolCommand[] = [
    { name: `${options.tests} tests with fixture()`, cwd: root, work: [HARDHAT_CLI, "test", "mocha", "test/fixture/fixture.test.ts"], empty, check: passing(options.tests) },
    { name: `${options.tests} bare tests`, cwd: root, work: [HARDHAT_CLI, "test", "mocha", "test/bare/bare.test.ts"], empty, check: passing(options.tests) },
  ];
  const [withFixture, bare] = (await timeTools(suites, options.rounds, options.log)).map(medians) as [ReturnType<typeof medians>, ReturnType<typeof medians>];
  const perTest = (withFixture.whole - bare.whole) / options.tests;
  return {
    title: `Case 5: ${options.tests} mocha tests loading the fixture (${MIGRATIONS} deploy + call migrations) vs ${options.tests} bare tests, ${options.rounds} round(s)`,
    lines: [
      table([
        ["suite", "whole (median)", "empty run", "net"],
        ...[withFixture, bare].map((m) => [m.name, seconds(m.whole), seconds(m.empty), seconds(m.net)]),
      ]),
      `Fixture suite / bare suite: whole ${ratio(withFixture.whole, bare.whole)}, net ${ratio(withFixture.net, bare.net)}; the fixture costs ${perTest.toFixed(1)} ms per test on average (including the first test's migrations).`,
    ],
    targets: [
      {
        name: "case 5: fixture suite / bare suite (whole process)",
        target: "<= 1.50x",
        measured: ratio(withFixture.whole, bare.whole),
        met: withFixture.whole / bare.whole <= 1.5,
      },
      {
        name: "case 5: fixture suite / bare suite (net of start-up)",
        target: "<= 1.50x",
        measured: `${ratio(withFixture.net, bare.net)} (${seconds(withFixture.net)} vs ${seconds(bare.net)})`,
        met: withFixture.net / bare.net <= 1.5,
      },
    ],
    data: { withFixture, bare },
  };
}
