import { z } from "zod";

/**
 * The judge's prompt format: data, kept with the model in models/models.json, since a model fine-tuned on another
 * format declares its own. `text` holds the placeholders {description}, {signature} and {code}.
 */
export const promptTemplateSchema = z
  .object({
    /** Plain-completion prompt; the model's next token after it is the label. */
    text: z.string().refine((t) => ["{description}", "{signature}", "{code}"].every((p) => t.includes(p)), {
      message: "must contain {description}, {signature} and {code}",
    }),
    /**
     * Label of a correct method. Read where its tokens after the prompt first differ from the incorrect label's
     * (src/judge/find-label-tokens.ts), so it may take several tokens, but the two must differ in one.
     */
    correct: z.string().min(1).default("1"),
    /** Label of an incorrect method. */
    incorrect: z.string().min(1).default("0"),
    /**
     * "completion" (when absent): `text` is the whole prompt. "chat": `text` is the user's message, rendered through the
     * model's own chat template (GGUF `tokenizer.chat_template`) and the label read at the start of the answer.
     */
    format: z.enum(["completion", "chat"]).optional(),
    /** Chat only: a system turn before the user's message. */
    system: z.string().optional(),
  })
  .refine((t) => t.system === undefined || t.format === "chat", {
    message: 'is only for a "format": "chat" template (a system turn)',
    path: ["system"],
  });

export type PromptTemplate = z.infer<typeof promptTemplateSchema>;

/** DESIGN.md's format. */
export const DEFAULT_PROMPT_TEMPLATE: PromptTemplate = {
  text: [
    "### Description",
    "{description}",
    "### Signature",
    "{signature}",
    "### Candidate",
    "{code}",
    "### Rating (1 = correct, 0 = incorrect)",
    "",
  ].join("\n"),
  correct: "1",
  incorrect: "0",
};

/** Validates a template from models.json; a bad one names what is wrong. */
export function parsePromptTemplate(value: unknown, where: string): PromptTemplate {
  const parsed = promptTemplateSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `invalid prompt template in ${where}: ${issue?.path.join(".") || "template"} ${issue?.message}`,
    );
  }
  return parsed.data;
}
