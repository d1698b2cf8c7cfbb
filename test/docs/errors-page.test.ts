import { readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { ERRORS } from "../../src/core/errors.js";
import { ERROR_NOTES } from "../../scripts/error-notes.js";
import { ERRORS_PAGE, renderErrorsPage } from "../../scripts/errors-page.js";
import { REPO_ROOT } from "../helpers/fixture.js";

describe("docs/errors.md", () => {
  it("is what `npm run docs:errors` generates from the error table", async () => {
    const committed = await readFile(path.join(REPO_ROOT, ERRORS_PAGE), "utf8");
    const expected = renderErrorsPage(ERRORS, ERROR_NOTES);
    if (committed !== expected) {
      expect.fail(`${ERRORS_PAGE} is out of date with src/core/errors.ts: run \`npm run docs:errors\` and commit the result.`);
    }
  });

  it("lists every error once, with its code, message and hint", () => {
    const page = renderErrorsPage(ERRORS, ERROR_NOTES);
    for (const [name, descriptor] of Object.entries(ERRORS)) {
      const heading = `## HHM${descriptor.number} ${name}\n`;
      expect(page.split(heading).length - 1, heading).to.equal(1);
      const section = page.slice(page.indexOf(heading)).split("\n## ")[0]!;
      const firstWord = descriptor.hint.split(" ")[0]!;
      expect(section).to.contain(`**Fix:** ${firstWord}`);
    }
  });

  it("renders text outside code spans as written: placeholders, <angle brackets>, underscores", () => {
    const page = renderErrorsPage({
      SAMPLE: { number: 999, message: "Name it <id>_<purpose>.ts, not `<id>.ts`: {file}\nsecond line", hint: "Keep __gap | 2 * 3." },
    }, { SAMPLE: "When `a | b` happens." });
    expect(page).to.contain("## HHM999 SAMPLE\n\nWhen: When `a | b` happens.\n\n> Name it");
    expect(page).to.contain("> Name it \\<id\\>\\_\\<purpose\\>.ts, not `<id>.ts`: {file}\n>\n> second line\n");
    expect(page).to.contain("**Fix:** Keep \\_\\_gap \\| 2 \\* 3.\n");
    expect(page).to.contain("| [HHM999](#hhm999-sample) | `SAMPLE` |");
  });
});
