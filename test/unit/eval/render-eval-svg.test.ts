import { describe, expect, it } from "vitest";
import { evaluateScores } from "../../../src/eval/evaluate-scores.js";
import { renderEvalSvg } from "../../../src/eval/render-eval-svg.js";

describe("renderEvalSvg", () => {
  it("draws one bar per non-empty bin and the ROC polyline", () => {
    const items = [
      { id: "a", label: 0 as const, score: 0.15 },
      { id: "b", label: 1 as const, score: 0.85 },
      { id: "c", label: 1 as const, score: 0.82 },
    ];
    const svg = renderEvalSvg(evaluateScores({ items, threshold: 0.5, targetPrecision: 0.9 }), "demo <1>");
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg).toContain("<title>demo &lt;1&gt;</title>");
    expect(
      svg.match(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="#4a7fc1"/g),
    ).toHaveLength(2);
    // flagging ROC: 0.15 (incorrect) first -> (0,1), then (0.5,1), (1,1)
    expect(svg).toContain('<polyline points="0,320 0,0 160,0 320,0"');
    expect(svg).toContain("AUC 1.000");
    expect(svg).not.toMatch(/NaN|undefined"/);
  });

  it("explains an empty ROC instead of drawing it", () => {
    const items = [{ id: "a", label: 1 as const, score: 0.4 }];
    const svg = renderEvalSvg(evaluateScores({ items, threshold: 0.5, targetPrecision: 0.9 }));
    expect(svg).not.toContain("<polyline");
    expect(svg).toContain("AUC needs both classes");
    expect(svg).toContain("AUC undefined");
  });
});
