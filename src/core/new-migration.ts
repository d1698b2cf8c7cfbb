import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { discoverMigrations } from "./discovery.js";
import { MigrationsError } from "./errors.js";

const PURPOSE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** The typed template of `migrate new`. */
export function migrationTemplate(purpose: string): string {
  return `import type { MigrationContext } from "hardhat-migrations/types";

/** ${purpose.replace(/[_-]+/g, " ")} */
export default async function (ctx: MigrationContext): Promise<void> {
  // Deploy contracts (each is recorded in the registry under its name):
  //   const token = await ctx.deploy("Token", ["My Token", 1_000_000n]);
  // Use what earlier migrations deployed:
  //   const vault = await ctx.registry.contract("Vault");
  ctx.log("${purpose}: nothing deployed yet");
}

// Optional: how to undo it (\`npx hardhat migrate down\`). On dev chains a migration without
// down() can still be undone by reverting to the snapshot taken before it ran.
// export async function down(ctx: MigrationContext): Promise<void> {}
`;
}

/** Ids below this are sequence numbers; at or above it, timestamps (Date.now() is ~1.8e12). */
export const SMALL_ID_LIMIT = 1_000_000_000;

/**
 * Writes `<dir>/<id>_<purpose>.ts` from the template. The id is `Date.now()`, or with `next`
 * the highest existing small id + 1 (timestamp ids are not counted: the next small id stays small).
 * Returns the new file's path.
 */
export async function createMigrationFile(
  dir: string,
  purpose: string,
  options: { next?: boolean; now?: () => number } = {},
): Promise<string> {
  if (!PURPOSE.test(purpose)) {
    throw new MigrationsError("INVALID_OPTION", {
      option: "purpose",
      reason: `"${purpose}" is not a valid migration purpose: use letters, digits, "_" and "-" (e.g. deploy_token).`,
    });
  }
  const exists = await readdir(dir).then(
    () => true,
    () => false,
  );
  const existing = exists ? await discoverMigrations(dir) : [];
  const id = options.next === true ? Math.max(0, ...existing.map((m) => m.id).filter((i) => i < SMALL_ID_LIMIT)) + 1 : (options.now ?? Date.now)();
  const clash = existing.find((m) => m.id === id);
  if (clash !== undefined) {
    throw new MigrationsError("DUPLICATE_MIGRATION_ID", { id, files: `${clash.fileName}, ${id}_${purpose}.ts` });
  }
  const file = path.join(dir, `${id}_${purpose}.ts`);
  await import("node:fs/promises").then((fs) => fs.mkdir(dir, { recursive: true }));
  await writeFile(file, migrationTemplate(purpose), { flag: "wx" });
  return file;
}
