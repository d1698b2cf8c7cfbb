import path from "node:path";

import { MigrationsError } from "./errors.js";

/**
 * What the user can do about a failed file-system call, by error code: the disk is full, the
 * directory is not writable, a file sits where a directory should be, ...
 */
export function fileSystemAdvice(error: unknown, file: string): string {
  const dir = path.dirname(file);
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case "ENOSPC":
      return `The disk holding ${dir} is full: free some space there.`;
    case "EDQUOT":
      return `The disk quota for ${dir} is used up: free some space or raise the quota.`;
    case "EACCES":
    case "EPERM":
      return `This user may not write in ${dir}: fix its permissions or owner, or set \`migrations.registryDir\` to a writable directory.`;
    case "EROFS":
      return `${dir} is on a read-only file system: make it writable, or set \`migrations.registryDir\` to a writable directory.`;
    case "EEXIST":
    case "ENOTDIR":
      return `A file stands where the directory ${firstFileOnPath(error, dir)} should be: move that file away, or set \`migrations.registryDir\` to another directory.`;
    case "EISDIR":
      return `${file} is a directory: move it away.`;
    default:
      return `Check that ${dir} exists and is writable, and that the disk is not full.`;
  }
}

function firstFileOnPath(error: unknown, dir: string): string {
  const reported = (error as NodeJS.ErrnoException).path;
  return typeof reported === "string" && reported !== "" ? reported : dir;
}

/** A file-system error as a coded error, or `error` itself when it already is one. */
export function fileWriteError(error: unknown, file: string, action: string): MigrationsError {
  if (error instanceof MigrationsError) {
    return error;
  }
  return new MigrationsError(
    "FILE_WRITE_FAILED",
    { action, file, reason: errnoReason(error), advice: fileSystemAdvice(error, file) },
    { cause: error },
  );
}

/** A short reason: the errno code and its description, without the call and path Node adds. */
export function errnoReason(error: unknown): string {
  const errno = error as NodeJS.ErrnoException;
  if (typeof errno?.code === "string") {
    const described = /^\w+: ([^,]+)/.exec(errno.message)?.[1];
    return described !== undefined ? `${errno.code} (${described})` : errno.code;
  }
  return error instanceof Error ? error.message : String(error);
}
