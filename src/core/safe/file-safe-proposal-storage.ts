import path from "node:path";

import { readJsonFile, stableStringify, writeFileAtomic } from "../json-file.js";
import type { SafeProposal, SafeProposalStorage } from "./safe-proposal.js";
import type { TransactionBuilderBatch } from "./transaction-builder-file.js";

interface ProposalFile {
  readonly format: "hardhat-migrations/safe-proposals@1";
  readonly proposals: readonly SafeProposal[];
}

/**
 * A chain's Safe proposals in `deployments/<chainId>.safe.json`, and their Transaction Builder
 * files in `deployments/safe/<chainId>-<name>.json`. Both written atomically, as stable JSON.
 */
export class FileSafeProposalStorage implements SafeProposalStorage {
  constructor(
    readonly location: string,
    private readonly batchDir: string,
    private readonly chainId: number,
  ) {}

  async load(): Promise<SafeProposal[]> {
    const file = (await readJsonFile(this.location)) as ProposalFile | undefined;
    return file === undefined ? [] : [...file.proposals];
  }

  async save(proposals: readonly SafeProposal[]): Promise<void> {
    const sorted = [...proposals].sort((a, b) => a.migration - b.migration || a.index - b.index);
    const file: ProposalFile = { format: "hardhat-migrations/safe-proposals@1", proposals: sorted };
    await writeFileAtomic(this.location, stableStringify(file));
  }

  async writeBatchFile(name: string, batch: TransactionBuilderBatch): Promise<string> {
    const file = path.join(this.batchDir, `${this.chainId}-${name}.json`);
    await writeFileAtomic(file, stableStringify(batch));
    return file;
  }
}
