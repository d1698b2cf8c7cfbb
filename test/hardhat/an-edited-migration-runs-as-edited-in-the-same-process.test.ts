import { writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { createFixtureHre, migrationsDir } from "../helpers/fixture.js";

describe("a migration edited while the process lives", () => {
  for (const extension of ["js", "ts"]) {
    it(`runs as edited on the next run() (.${extension} in a "type": "module" project)`, async () => {
      const dir = await migrationsDir({
        "package.json": JSON.stringify({ type: "module" }),
        [`1_token.${extension}`]: `export default async function () { throw new Error("the first version"); }`,
      });
      const hre = await createFixtureHre("basic", { dir });
      const connection = await hre.network.create();

      let message = "";
      try {
        await connection.migrations.run();
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).to.contain("the first version");

      await writeFile(
        path.join(dir, `1_token.${extension}`),
        `export default async function ({ deploy }) { await deploy("Token", ["Edited", 1n], { as: "Edited" }); }`,
      );
      const result = await connection.migrations.run();
      expect(result.deployments.map((d) => d.name)).to.deep.equal(["Edited"]);
    });
  }
});
