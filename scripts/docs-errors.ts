// `npm run docs:errors`: writes docs/errors.md from the error table in src/core/errors.ts.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { ERRORS } from "../src/core/errors.js";

import { ERROR_NOTES } from "./error-notes.js";
import { ERRORS_PAGE, renderErrorsPage } from "./errors-page.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const file = path.join(root, ERRORS_PAGE);
await writeFile(file, renderErrorsPage(ERRORS, ERROR_NOTES));
console.log(`Wrote ${path.relative(process.cwd(), file)} (${Object.keys(ERRORS).length} errors).`);
