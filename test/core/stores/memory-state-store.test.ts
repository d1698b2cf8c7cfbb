import { MemoryStateStore } from "../../../src/core/stores/memory-state-store.js";
import { describeStateStoreConformance } from "./state-store-conformance.js";

describeStateStoreConformance("MemoryStateStore", async () => new MemoryStateStore());
