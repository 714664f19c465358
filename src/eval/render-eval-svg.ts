import type { EvalReport } from "./evaluate-scores.js";

type PlotReport = Pick<EvalReport, "n" | "reliability" | "roc" | "auc" | "ece" | "reasons">;

const PANEL = 320;
const MARGIN = { left: 60, top: 50, bottom: 60, gap: 90 };
const WIDTH = MARGIN.left + PANEL + MARGIN.gap + PANEL + 30;
const HEIGHT = MARGIN.top + PANEL + MARGIN.bottom;

/** Two panels as one standalone SVG: the reliability diagram (left) and the ROC curve of flagging (right). */
export function renderEvalSvg(report: PlotReport, title = "java-judge eval"): string {
  const right = MARGIN.left + PANEL + MARGIN.gap;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="20" text-anchor="middle" font-size="15">${escapeXml(title)} (n = ${report.n})</text>`,
    renderPanel(
      MARGIN.left,
      `Reliability (ECE ${fmt(report.ece)})`,
      "score (judge's P(correct))",
      "fraction correct",
      renderReliability(report),
    ),
    renderPanel(
      right,
      `ROC of flagging (AUC ${fmt(report.auc)})`,
      "false positive rate",
      "true positive rate",
      renderRoc(report),
    ),
    "</svg>",
    "",
  ].join("\n");
}

function renderPanel(x0: number, heading: string, xLabel: string, yLabel: string, body: string): string {
  const y0 = MARGIN.top;
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map((t) => {
      const x = x0 + t * PANEL;
      const y = y0 + PANEL - t * PANEL;
      return [
        `<line x1="${x}" y1="${y0 + PANEL}" x2="${x}" y2="${y0 + PANEL + 5}" stroke="black"/>`,
        `<text x="${x}" y="${y0 + PANEL + 18}" text-anchor="middle">${t}</text>`,
        `<line x1="${x0 - 5}" y1="${y}" x2="${x0}" y2="${y}" stroke="black"/>`,
        `<text x="${x0 - 8}" y="${y + 4}" text-anchor="end">${t}</text>`,
      ].join("");
    })
    .join("\n");
  return [
    `<g>`,
    `<text x="${x0 + PANEL / 2}" y="${y0 - 10}" text-anchor="middle" font-size="13">${escapeXml(heading)}</text>`,
    `<rect x="${x0}" y="${y0}" width="${PANEL}" height="${PANEL}" fill="none" stroke="black"/>`,
    `<line x1="${x0}" y1="${y0 + PANEL}" x2="${x0 + PANEL}" y2="${y0}" stroke="#999" stroke-dasharray="4 4"/>`,
    ticks,
    `<text x="${x0 + PANEL / 2}" y="${y0 + PANEL + 40}" text-anchor="middle">${escapeXml(xLabel)}</text>`,
    `<text transform="translate(${x0 - 42} ${y0 + PANEL / 2}) rotate(-90)" text-anchor="middle">${escapeXml(yLabel)}</text>`,
    `<g transform="translate(${x0} ${y0})">`,
    body,
    `</g>`,
    `</g>`,
  ].join("\n");
}

function renderReliability(report: PlotReport): string {
  const bars = report.reliability
    .filter((b) => b.count > 0 && b.fractionCorrect !== null)
    .map((b) => {
      const x = b.lo * PANEL + 2;
      const w = (b.hi - b.lo) * PANEL - 4;
      const h = b.fractionCorrect! * PANEL;
      const mean = b.meanScore! * PANEL;
      return [
        `<rect x="${px(x)}" y="${px(PANEL - h)}" width="${px(w)}" height="${px(h)}" fill="#4a7fc1" fill-opacity="0.75"><title>${b.lo.toFixed(1)}-${b.hi.toFixed(1)}: ${b.count} methods, ${fmt(b.fractionCorrect)} correct, mean score ${fmt(b.meanScore)}</title></rect>`,
        `<circle cx="${px(mean)}" cy="${px(PANEL - mean)}" r="3" fill="#d9534f"/>`,
        `<text x="${px(x + w / 2)}" y="${px(PANEL - h - 4)}" text-anchor="middle" font-size="10">${b.count}</text>`,
      ].join("");
    });
  if (bars.length === 0) return emptyNote(report.reasons.ece ?? "no examples");
  return bars.join("\n");
}

function renderRoc(report: PlotReport): string {
  if (report.roc === null) return emptyNote(report.reasons.auc ?? "ROC needs both classes");
  const points = report.roc.map((p) => `${px(p.fpr * PANEL)},${px(PANEL - p.tpr * PANEL)}`).join(" ");
  return `<polyline points="${points}" fill="none" stroke="#d9534f" stroke-width="2"/>`;
}

function emptyNote(reason: string): string {
  return `<text x="${PANEL / 2}" y="${PANEL / 2}" text-anchor="middle" fill="#666">${escapeXml(reason)}</text>`;
}

function px(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}

function fmt(v: number | null): string {
  return v === null ? "undefined" : v.toFixed(3);
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
