import type { NetworkConnection } from "hardhat/types/network";

import type { CountingRpcProxy } from "./counting-rpc-proxy.js";
import { createFixtureHre, migrationsDir, tempDir } from "./fixture.js";

/**
 * Migrates 7 migrations (`migration(i)`, i = 1…7) of fixture project `project` through `proxy`,
 * in three runs (1; 2–3; 4–7), and answers what two more migrations cost beyond the run's fixed
 * calls (chain identity, record, journal): calls and calls by method per migration, the last
 * run's calls by method, and the connection (to check the work was done).
 */
export async function callsPerMigration(project: string, proxy: CountingRpcProxy, migration: (i: number) => string) {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 7; i++) {
    files[`${i}_migration.js`] = migration(i);
  }
  const dir = await migrationsDir(files);
  const url = await proxy.start();
  const hre = await createFixtureHre(project, { dir, registryDir: await tempDir("hhm-calls-") }, { networks: { counted: { type: "http", url } } });
  const connection: NetworkConnection = await hre.network.create("counted");
  await connection.migrations.run({ to: 1 }); // deploys the Migrator, learns the nonce

  proxy.reset();
  await connection.migrations.run({ to: 3 });
  const two = { calls: proxy.calls, methods: new Map(proxy.methods) };
  proxy.reset();
  await connection.migrations.run();
  const four = { calls: proxy.calls, methods: new Map(proxy.methods) };
  const perMethod = Object.fromEntries(
    [...four.methods].map(([method, n]) => [method, (n - (two.methods.get(method) ?? 0)) / 2] as const).filter(([, n]) => n !== 0),
  );
  return { perMigration: (four.calls - two.calls) / 2, perMethod, lastRun: four.methods, connection };
}
