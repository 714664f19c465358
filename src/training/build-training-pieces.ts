import { buildJudgePrompt } from "../judge/build-judge-prompt.js";
import type { PromptTemplate } from "../judge/prompt-template.js";
import type { JudgeInput } from "../judge/types.js";

/** A piece of a prompt: the template's own text (`template: true`, control tokens recognised) or an inserted value. */
export interface TrainingPiece {
  text: string;
  template: boolean;
}

const PLACEHOLDER = /\{(description|signature|code)\}/;

/**
 * The judge's prompt as the trainer needs it (contract step 1): the template's literal text and the values inserted
 * into it, in order; joined they are buildJudgePrompt's text. Each value is rendered by buildJudgePrompt itself on a
 * template of that one placeholder, so the judge's own description and neutralising rules apply. training/train.py
 * recognises the model's control tokens in template pieces only.
 */
export function buildTrainingPieces(input: JudgeInput, template: PromptTemplate): TrainingPiece[] {
  const pieces: TrainingPiece[] = [];
  // Odd parts are placeholder names: one pass, so a placeholder inside inserted text is never expanded.
  template.text.split(new RegExp(PLACEHOLDER, "g")).forEach((part, i) => {
    const text = i % 2 === 1 ? buildJudgePrompt(input, { ...template, text: `{${part}}` }) : part;
    if (text !== "") pieces.push({ text, template: i % 2 === 0 });
  });
  return pieces;
}
