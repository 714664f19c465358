// Process entry for the command line: wires commands, no logic.
import { Command, CommanderError } from "commander";
import { registerActionCommand } from "./cli/action.js";
import { registerChangedCommand } from "./cli/changed.js";
import { registerDatasetCommand } from "./cli/dataset.js";
import { registerEvalCommand } from "./cli/eval.js";
import { registerExportCommand } from "./cli/export.js";
import { registerMethodsCommand } from "./cli/methods.js";
import { registerPullCommand } from "./cli/pull.js";
import { registerRankEvalCommand } from "./cli/rank-eval.js";
import { registerReviewCommand } from "./cli/review.js";
import { registerScoreCommand } from "./cli/score.js";
import { registerServeCommand } from "./cli/serve.js";
import { registerTrainCommand } from "./cli/train.js";
import { registerWorkerCommand } from "./cli/worker.js";

// `java-judge methods … | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const program = new Command("java-judge")
  .description("Reviews the Java methods a pull request changes with a small local judge model")
  .version("0.1.0")
  // A usage error is one line on stderr, like every other error (DESIGN: "one-line message").
  .configureOutput({
    outputError: (message, write) =>
      write(`java-judge: ${message.replace(/^error: /, "").trim()}; see java-judge help [command]\n`),
  })
  .exitOverride();

registerServeCommand(program);
registerWorkerCommand(program);
registerActionCommand(program);
registerMethodsCommand(program);
registerChangedCommand(program);
registerScoreCommand(program);
registerReviewCommand(program);
registerEvalCommand(program);
registerRankEvalCommand(program);
registerExportCommand(program);
registerDatasetCommand(program);
registerPullCommand(program);
registerTrainCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; a usage error (unknown option, missing argument) exits 2.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    throw error;
  }
}
