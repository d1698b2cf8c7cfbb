import { readFile } from "node:fs/promises";
import { compileFunction } from "node:vm";

import { MigrationsError, describeError } from "./errors.js";
import type { MigrationEventListener } from "./events.js";
import { loadMigration } from "./executor.js";
import type { MigrationFile } from "./migration-file.js";
import type { Eip1193Provider } from "./provider.js";
import { moduleFormat } from "./truffle/script-style.js";

/**
 * Loads every pending migration before the first transaction, so a file that does not parse or
 * export a function stops the run before migration 1 sends anything (rather than after it).
 * ES modules are imported (the executor's import then comes from the module cache); CommonJS
 * (Truffle) files are compiled without running, since their globals only exist when they run.
 */
export async function checkPendingFiles(pending: readonly MigrationFile[], importModule: (url: string) => Promise<unknown>): Promise<void> {
  for (const migration of pending) {
    let source: string;
    try {
      source = await readFile(migration.path, "utf8");
    } catch (error) {
      throw new MigrationsError("MIGRATION_LOAD_FAILED", { file: migration.fileName, reason: describeError(error) }, { cause: error });
    }
    if (moduleFormat(migration.fileName, source) === "commonjs") {
      try {
        compileFunction(source.startsWith("#!") ? `//${source}` : source, ["exports", "require", "module", "__filename", "__dirname"], {
          filename: migration.path,
        });
      } catch (error) {
        throw new MigrationsError("MIGRATION_LOAD_FAILED", { file: migration.fileName, reason: describeError(error) }, { cause: error });
      }
      continue;
    }
    await loadMigration(migration, importModule);
  }
}

/**
 * Reports the deployer's balance (and, before a run, the network's gas price) as an `account`
 * event. Best effort: a node that does not answer costs the run nothing but the line.
 */
export async function reportAccount(
  provider: Eip1193Provider,
  address: string,
  when: "before" | "after",
  emit: MigrationEventListener,
): Promise<void> {
  try {
    const [balance, gasPrice] = await Promise.all([
      provider.request({ method: "eth_getBalance", params: [address, "latest"] }) as Promise<string>,
      when === "before" ? (provider.request({ method: "eth_gasPrice" }) as Promise<string>) : Promise.resolve(undefined),
    ]);
    emit({ type: "account", when, address, balance: BigInt(balance), ...(gasPrice !== undefined ? { gasPrice: BigInt(gasPrice) } : {}) });
  } catch {
    // Not worth failing a run over.
  }
}
