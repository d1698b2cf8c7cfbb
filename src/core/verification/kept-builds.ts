import { readFile, stat } from "node:fs/promises";
import path from "node:path";

import { stableStringify, writeFileAtomic } from "../json-file.js";

export const KEPT_BUILD_FORMAT = "hardhat-migrations/build@1";

/** What verifying one contract of a build needs besides the compiler input. */
export interface KeptContract {
  /** The contract's source name in `input.sources` (Hardhat 3: `project/contracts/X.sol`). */
  readonly inputSourceName: string;
  /** Bytes of its creation code: the creation transaction's input after them is the constructor arguments. */
  readonly creationCodeLength: number;
  /** The libraries it links, as `input.settings.libraries` names them. */
  readonly libraries: ReadonlyArray<{ readonly inputSourceName: string; readonly name: string }>;
}

/**
 * A copy of one compiler run, kept under the registry directory when a contract compiled in it is
 * deployed (`<registryDir>/build-info/<id>.json`), so that the contract can be verified later,
 * whatever happened to the sources and to Hardhat's `artifacts/` since.
 */
export interface KeptBuild {
  readonly format: typeof KEPT_BUILD_FORMAT;
  readonly id: string;
  /** e.g. `0.8.37+commit.f401782d` */
  readonly solcLongVersion: string;
  /** The solc standard-JSON input, as compiled. */
  readonly input: CompilerInputJson;
  /** By fully qualified user name (`contracts/X.sol:X`, as the registry's `artifact`). */
  readonly contracts: Readonly<Record<string, KeptContract>>;
}

export interface CompilerInputJson {
  readonly language: string;
  readonly sources: Readonly<Record<string, { readonly content: string }>>;
  readonly settings: Readonly<Record<string, unknown>>;
}

/** The kept builds of one registry directory. Each file is written once, atomically, and never changed. */
export class FileKeptBuilds {
  readonly dir: string;

  constructor(registryDir: string) {
    this.dir = path.join(registryDir, "build-info");
  }

  file(id: string): string {
    if (!/^[\w.-]+$/.test(id)) {
      throw new Error(`Invalid build info id ${JSON.stringify(id)}`);
    }
    return path.join(this.dir, `${id}.json`);
  }

  async read(id: string): Promise<KeptBuild | undefined> {
    let text: string;
    try {
      text = await readFile(this.file(id), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        return undefined;
      }
      throw error;
    }
    const build = JSON.parse(text) as KeptBuild;
    if (build.format !== KEPT_BUILD_FORMAT || build.id !== id) {
      throw new Error(`${this.file(id)} is not a kept build of ${id}`);
    }
    return build;
  }

  /** Whether build `id` is kept (without reading it). */
  async has(id: string): Promise<boolean> {
    return stat(this.file(id)).then(
      () => true,
      () => false,
    );
  }

  /** Keeps `build` unless a copy of it is already kept (a build id names one compiler run). */
  async keep(build: KeptBuild): Promise<void> {
    if (await this.has(build.id)) {
      return;
    }
    await writeFileAtomic(this.file(build.id), stableStringify(build));
  }
}
