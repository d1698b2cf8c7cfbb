/**
 * Imports a migration module. Under the Hardhat CLI TypeScript already loads (Hardhat registers
 * tsx); when the engine runs in a plain Node process, `.ts` files go through tsx's `tsImport`.
 */
export async function importMigrationModule(url: string): Promise<unknown> {
  try {
    return await import(url);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== "ERR_UNKNOWN_FILE_EXTENSION" || !/\.(m?ts)(\?[^/]*)?$/.test(url)) {
      throw error;
    }
    const { tsImport } = await import("tsx/esm/api");
    return tsImport(url, import.meta.url);
  }
}
