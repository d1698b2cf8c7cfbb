import { MigrationsError, type ErrorArguments } from "../errors.js";
import type { StorageIncompatibility } from "./layout-compatibility.js";

/** An upgrade refused because it would corrupt the proxy's storage, with every incompatibility found. */
export class StorageLayoutIncompatibleError extends MigrationsError<"STORAGE_LAYOUT_INCOMPATIBLE"> {
  readonly incompatibilities: readonly StorageIncompatibility[];

  constructor(args: ErrorArguments<"STORAGE_LAYOUT_INCOMPATIBLE">, incompatibilities: readonly StorageIncompatibility[]) {
    super("STORAGE_LAYOUT_INCOMPATIBLE", args);
    this.name = "StorageLayoutIncompatibleError";
    this.incompatibilities = incompatibilities;
  }
}
