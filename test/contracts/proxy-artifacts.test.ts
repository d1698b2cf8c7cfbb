import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { REPO_ROOT } from "../helpers/fixture.js";

describe("the shipped proxy artifacts", () => {
  it("are the committed build of @openzeppelin/contracts' ERC-1967 proxies", async function () {
    this.timeout(180_000);
    await promisify(execFile)(process.execPath, [path.join(REPO_ROOT, "scripts", "build-proxies.mjs"), "--check"]);
  });
});
