// `npm pack`/`npm publish` ship package.json as it is on disk. Its `prepare` script is for this
// repository only (scripts/ensure-native-deps.mjs, not in the package): npm 11 lists it as an
// install script a user must approve. `strip` (prepack) writes the manifest without it, keeping
// the original aside; `restore` (postpack) puts the original back. A strip finding an original
// aside (a pack that died half-way) restores it first, so the repository's file is never lost.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

const FILE = "package.json";
const ASIDE = "package.json.unpacked";
const [, , command] = process.argv;

if (command === "strip") {
  if (existsSync(ASIDE)) {
    renameSync(ASIDE, FILE);
  }
  const text = readFileSync(FILE, "utf8");
  const manifest = JSON.parse(text);
  writeFileSync(ASIDE, text);
  delete manifest.scripts.prepare;
  delete manifest.allowScripts;
  writeFileSync(`${FILE}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(`${FILE}.tmp`, FILE);
} else if (command === "restore") {
  if (existsSync(ASIDE)) {
    renameSync(ASIDE, FILE);
  }
} else {
  console.error("usage: node scripts/pack-manifest.mjs strip|restore");
  process.exit(1);
}
