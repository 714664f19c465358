// `npm run gen:config`: regenerates the config reference and JSON Schema from the zod schema.
import { writeFileSync } from "node:fs";
import { renderConfigJsonSchema, renderConfigMarkdown } from "./render-config-reference.js";

writeFileSync(new URL("../../docs/config.md", import.meta.url), renderConfigMarkdown());
writeFileSync(new URL("../../schema/java-judge.schema.json", import.meta.url), renderConfigJsonSchema());
process.stdout.write("wrote docs/config.md and schema/java-judge.schema.json\n");
