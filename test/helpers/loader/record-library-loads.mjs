// Registered with `node --import`: records which files resolve `ethers` or `viem` (one JSON line
// per resolution, to the file named by RECORD_LIBRARY_LOADS), so a test can tell which code loaded them.
import { register } from "node:module";

register(new URL("./record-library-loads-hooks.mjs", import.meta.url), { data: { file: process.env.RECORD_LIBRARY_LOADS } });
