// `npm run gen:config`: regenerates the config reference (docs, README) and JSON Schema from the zod schema.
import { readFileSync, writeFileSync } from "node:fs";
import {
  renderConfigJsonSchema,
  renderConfigMarkdown,
  renderReadmeWithConfig,
} from "./render-config-reference.js";

const at = (p: string) => new URL(`../../${p}`, import.meta.url);
writeFileSync(at("docs/config.md"), renderConfigMarkdown());
writeFileSync(at("schema/java-judge.schema.json"), renderConfigJsonSchema());
writeFileSync(at("README.md"), renderReadmeWithConfig(readFileSync(at("README.md"), "utf8")));
process.stdout.write(
  "wrote docs/config.md, schema/java-judge.schema.json and README.md's config reference\n",
);
