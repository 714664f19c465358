import type { ClassContext, CountTokens } from "./types.js";

/** The default completion prompt; a model trained on another format passes its own template. */
export const DEFAULT_GENERATOR_TEMPLATE = [
  "### Instruction",
  "Implement the Java method below so that it does exactly what its description says.",
  "Keep the signature as it is. Answer with the whole method only, in one java code block.",
  "### Class",
  "{{className}}",
  "{{context}}### Description",
  "{{description}}",
  "### Signature",
  "{{signature}}",
  "### Method",
  "```java",
  "",
].join("\n");

export interface BuildGeneratorPromptParams {
  description: string | null;
  signature: string;
  className: string;
  name: string;
  context: ClassContext;
  /** Tokens the whole prompt may take (context size minus what the answer needs). */
  maxTokens: number;
  countTokens: CountTokens;
  template?: string;
}

export type GeneratorPrompt =
  | {
      ok: true;
      prompt: string;
      tokens: number;
      /** Context lines left out to fit the budget, per section. */
      omitted: { fields: number; siblingSignatures: number; imports: number };
    }
  | { ok: false; reason: string };

type Section = "fields" | "siblingSignatures" | "imports";
/** Fields first: a body reads them; then what it may call; imports last, the types are mostly visible. */
const SECTIONS: [Section, string][] = [
  ["fields", "### Fields"],
  ["siblingSignatures", "### Other methods"],
  ["imports", "### Imports"],
];

/**
 * The generator's prompt from the method's description, signature and as much class context as the
 * token budget allows (whole lines, in priority order); never cuts the description or the signature.
 */
export function buildGeneratorPrompt(params: BuildGeneratorPromptParams): GeneratorPrompt {
  const { maxTokens, countTokens } = params;
  const chosen: Record<Section, string[]> = { fields: [], siblingSignatures: [], imports: [] };
  const render = () => fill(params, chosen);
  const base = countTokens(render());
  if (base > maxTokens) {
    return {
      ok: false,
      reason: `the description and signature alone take ${base} tokens, over the generator's budget of ${maxTokens}`,
    };
  }
  let used = base;
  for (const [section, heading] of SECTIONS) {
    for (const line of params.context[section]) {
      const cost =
        countTokens(`${line}\n`) + (chosen[section].length === 0 ? countTokens(`${heading}\n`) : 0);
      if (used + cost > maxTokens) continue;
      chosen[section].push(line);
      used += cost;
    }
  }
  // Tokens of pieces need not add up exactly to the tokens of the whole; drop from the end until it fits.
  let tokens = countTokens(render());
  while (tokens > maxTokens && dropLast(chosen)) tokens = countTokens(render());
  const omitted = {
    fields: params.context.fields.length - chosen.fields.length,
    siblingSignatures: params.context.siblingSignatures.length - chosen.siblingSignatures.length,
    imports: params.context.imports.length - chosen.imports.length,
  };
  return { ok: true, prompt: render(), tokens, omitted };
}

function dropLast(chosen: Record<Section, string[]>): boolean {
  for (const [section] of [...SECTIONS].reverse()) {
    if (chosen[section].pop() !== undefined) return true;
  }
  return false;
}

function fill(params: BuildGeneratorPromptParams, chosen: Record<Section, string[]>): string {
  const context = SECTIONS.filter(([s]) => chosen[s].length > 0)
    .map(([s, heading]) => `${heading}\n${chosen[s].map(guard).join("\n")}\n`)
    .join("");
  const values: Record<string, string> = {
    className: guard(params.className || "(top level)"),
    name: params.name,
    context,
    description: guard(params.description?.trim() || "None"),
    signature: guard(params.signature),
  };
  const template = params.template ?? DEFAULT_GENERATOR_TEMPLATE;
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Inserted text cannot start a section of its own or open a code block: such lines get a leading space. */
function guard(text: string): string {
  return text.replace(/^(#{3}|`{3}|~{3})/gm, " $1");
}
