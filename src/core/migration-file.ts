/** A migration script found on disk. Its module is loaded only when it runs. */
export interface MigrationFile {
  /** The numeric prefix of the file name: the migration's identity on every network. */
  readonly id: number;
  /** The file name without the id and the extension, e.g. `deploy_token`. */
  readonly purpose: string;
  /** The file name, e.g. `2_deploy_token.ts`. */
  readonly fileName: string;
  /** Absolute path. */
  readonly path: string;
  /** keccak256 of the file's bytes, recorded with the migration. */
  readonly contentHash: string;
}

/** Ids are stored as uint64 on chain and handled as JS numbers: both bounds hold below this. */
export const MAX_MIGRATION_ID = Number.MAX_SAFE_INTEGER;
