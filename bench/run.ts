// `npm run bench [-- --json] [-- --quick]`: every benchmark side by side in one run; progress on stderr.
import { cpus, loadavg, totalmem } from "node:os";
import { describeError, UsageError } from "../src/errors.js";
import { parseLlamaGpu } from "../src/llm/get-llama-runtime.js";
import { loadModel } from "../src/llm/load-model.js";
import { BENCH_MODEL_PARAMS, writeTinyGguf } from "../test/model/write-tiny-gguf.js";
import { buildJavaCorpus } from "./build-java-corpus.js";
import { measureExtraction } from "./measure-extraction.js";
import { measureIncremental } from "./measure-incremental.js";
import { measureJudge } from "./measure-judge.js";
import { measureWebhook } from "./measure-webhook.js";
import { type BenchOptions, parseBenchArgs } from "./parse-bench-args.js";
import { renderBenchText } from "./render-bench-text.js";
import { sampleLoadAverage } from "./sample-load-average.js";

const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`);

async function runBench(o: BenchOptions): Promise<Record<string, unknown>> {
  const load = sampleLoadAverage();
  const gpu = parseLlamaGpu(process.env.LLAMA_GPU);
  const machine: Record<string, unknown> = {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadavg()[0],
    node: process.version,
    llamaGpu: gpu === false ? "false" : gpu,
    quick: o.quick,
  };
  const result: Record<string, unknown> = { machine };
  if (o.sections.has("extraction")) {
    const corpus = buildJavaCorpus(o.corpusBytes);
    log(`extraction: ${(o.corpusBytes / 1e6).toFixed(2)} MB, ours and java-parser`);
    result.extraction = await measureExtraction(corpus);
  }
  if (o.sections.has("judge") || o.sections.has("incremental")) {
    const shape = o.judgeModel === "bench" ? BENCH_MODEL_PARAMS : {};
    const modelPath = await writeTinyGguf({ ...shape, seed: 3 });
    if (o.sections.has("judge")) {
      log(`judge: review, ranking and preamble workloads on the ${o.judgeModel} model`);
      const figures = await measureJudge({
        modelPath,
        reviewMethods: o.judgeMethods,
        rankingMethods: o.rankingMethods,
        candidates: o.candidates,
        sequences: o.sequences,
        contextSize: o.contextSize,
        limitChunkTokens: o.limitChunkTokens,
        rounds: o.rounds,
        // Each naive prompt carries the whole preamble, so a round takes a minute here: two are enough.
        preambleRounds: Math.min(2, o.rounds),
        gpu,
        onProgress: log,
      });
      result.judge = {
        model: o.judgeModel === "bench" ? { ...BENCH_MODEL_PARAMS, approxParams: "14M" } : "tiny (dim 64)",
        ...figures.judge,
      };
      result.judgeRanking = figures.judgeRanking;
      result.judgePreamble = figures.judgePreamble;
    }
    if (o.sections.has("incremental")) {
      log(`incremental: ${o.incrementalMethods} changed methods, then a push changing one`);
      const llm = await loadModel({ path: modelPath, gpu });
      try {
        result.incremental = await measureIncremental({ llm, methods: o.incrementalMethods });
      } finally {
        await llm.dispose();
      }
    }
  }
  if (o.sections.has("webhook")) {
    result.webhook = await measureWebhook({
      deliveries: o.deliveries,
      concurrency: o.concurrency,
      onProgress: log,
    });
  }
  machine.loadAverageDuring = load.stop();
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
