// `npm run bench [-- --json] [-- --quick]`: every benchmark side by side in one run; progress on stderr.
import { cpus, loadavg, totalmem } from "node:os";
import { describeError, UsageError } from "../src/errors.js";
import { parseLlamaGpu } from "../src/llm/get-llama-runtime.js";
import { loadModel } from "../src/llm/load-model.js";
import { BENCH_MODEL_PARAMS, writeTinyGguf } from "../test/model/write-tiny-gguf.js";
import { buildJavaCorpus } from "./build-java-corpus.js";
import { measureExtraction } from "./measure-extraction.js";
import { measureIncremental } from "./measure-incremental.js";
import { measureJudge, pickJudgeInputs } from "./measure-judge.js";
import { measureWebhook } from "./measure-webhook.js";
import { type BenchOptions, parseBenchArgs } from "./parse-bench-args.js";
import { renderBenchText } from "./render-bench-text.js";
import { SHARED_PREFIX_TEMPLATE } from "./shared-prefix-template.js";

const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`);

async function runBench(o: BenchOptions): Promise<Record<string, unknown>> {
  const gpu = parseLlamaGpu(process.env.LLAMA_GPU);
  const result: Record<string, unknown> = {
    machine: {
      cpu: cpus()[0]?.model ?? "unknown",
      cores: cpus().length,
      memoryGB: Math.round(totalmem() / 2 ** 30),
      loadAverageAtStart: loadavg()[0],
      node: process.version,
      llamaGpu: gpu === false ? "false" : gpu,
      quick: o.quick,
    },
  };
  const corpus = buildJavaCorpus(o.corpusBytes);
  if (o.sections.has("extraction")) {
    log(`extraction: ${(o.corpusBytes / 1e6).toFixed(2)} MB, ours and java-parser`);
    result.extraction = await measureExtraction(corpus);
  }
  if (o.sections.has("judge") || o.sections.has("incremental")) {
    const shape = o.judgeModel === "bench" ? BENCH_MODEL_PARAMS : {};
    const llm = await loadModel({ path: await writeTinyGguf({ ...shape, seed: 3 }), gpu });
    try {
      if (o.sections.has("judge")) {
        log(`judge: ${o.judgeMethods} methods on the ${o.judgeModel} model (${llm.file.sizeBytes >> 20} MB)`);
        const inputs = await pickJudgeInputs(corpus, o.judgeMethods, 1500);
        result.judge = {
          model: o.judgeModel === "bench" ? { ...BENCH_MODEL_PARAMS, approxParams: "14M" } : "tiny (dim 64)",
          ...(await measureJudge({
            llm,
            inputs,
            sequences: o.sequences,
            contextSize: o.contextSize,
            rounds: o.rounds,
            onProgress: log,
          })),
        };
      }
      if (o.sections.has("judge") && !o.quick) {
        log("judge with a shared instruction prefix (the case prefix reuse is for)");
        const inputs = await pickJudgeInputs(corpus, o.judgeMethods, 1500);
        result.judgeSharedPrefix = await measureJudge({
          llm,
          inputs,
          sequences: o.sequences,
          contextSize: o.contextSize,
          template: SHARED_PREFIX_TEMPLATE,
          // Two rounds: each naive prompt now carries the whole preamble, so a round takes a minute here.
          rounds: Math.min(2, o.rounds),
          onProgress: log,
        });
      }
      if (o.sections.has("incremental")) {
        log(`incremental: ${o.incrementalMethods} changed methods, then a push changing one`);
        result.incremental = await measureIncremental({ llm, methods: o.incrementalMethods });
      }
    } finally {
      await llm.dispose();
    }
  }
  if (o.sections.has("webhook")) {
    result.webhook = await measureWebhook({
      deliveries: o.deliveries,
      concurrency: o.concurrency,
      onProgress: log,
    });
  }
  result.benchPeakRssMB = process.resourceUsage().maxRSS / 1024;
  return result;
}

try {
  const options = parseBenchArgs(process.argv.slice(2));
  const result = await runBench(options);
  process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderBenchText(result));
  process.exit(0);
} catch (error) {
  process.stderr.write(`bench: ${describeError(error)}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
}
