import type { ArtifactManager } from "hardhat/types/artifacts";

import type { ArtifactResolver, ContractArtifact } from "../core/artifacts.js";
import { hardhatArtifactResolver } from "./artifact-resolver.js";

/** Artifacts by name, each read from disk once per resolver (per run, or per fixture): a run does not rebuild. */
export function cachedArtifactResolver(artifacts: ArtifactManager): ArtifactResolver {
  const base = hardhatArtifactResolver(artifacts);
  const read = new Map<string, Promise<ContractArtifact>>();
  return {
    ...base,
    readArtifact: (name) => {
      let artifact = read.get(name);
      if (artifact === undefined) {
        artifact = base.readArtifact(name);
        artifact.catch(() => read.delete(name));
        read.set(name, artifact);
      }
      return artifact;
    },
  };
}
