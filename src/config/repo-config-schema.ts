import { z } from "zod";

// One schema is the single source of truth: docs/config.md and schema/java-judge.schema.json are generated
// from it (`npm run gen:config`), and a test fails when they drift. Every key has a description and a default.
// Objects use `prefault({})` so their inner defaults apply when a whole section is left out.

const globs = z.array(z.string().min(1));

export const repoConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(true).describe("Review pull requests in this repository at all."),
    paths: z
      .strictObject({
        include: globs
          .default(["**/*.java"])
          .describe("Globs of files to review (matched against the path in the repository)."),
        exclude: globs
          .default([])
          .describe("Globs of files never to review, e.g. generated sources; they win over `include`."),
      })
      .prefault({})
      .describe("Which `.java` files are reviewed."),
    skip_tests: z
      .boolean()
      .default(true)
      .describe("Skip test sources (`src/test/`, `*Test.java`, `*Tests.java`, `*IT.java`)."),
    threshold: z
      .number()
      .min(0)
      .max(1)
      .default(0.5)
      .describe("A method whose judge score (probability it is correct) is below this is flagged."),
    max_methods: z
      .int()
      .min(1)
      .max(2000)
      .default(200)
      .describe("Judge at most this many changed methods per push; the rest are listed as skipped."),
    max_method_lines: z
      .int()
      .min(1)
      .default(300)
      .describe("Methods longer than this many lines are skipped with a reason, never truncated."),
    inline: z
      .strictObject({
        max: z
          .int()
          .min(0)
          .max(100)
          .default(30)
          .describe("At most this many line comments per review; the rest go to check-run annotations."),
      })
      .prefault({})
      .describe("Line comments on the pull request."),
    drafts: z.boolean().default(false).describe("Review draft pull requests too."),
    suggestions: z
      .strictObject({
        mode: z
          .enum(["off", "on-request", "auto"])
          .default("on-request")
          .describe(
            "`off`: never; `on-request`: on `/judge regenerate` or the button; `auto`: for every finding.",
          ),
        candidates: z
          .int()
          .min(1)
          .max(50)
          .default(10)
          .describe("Candidate implementations the generator writes per method."),
        min_gain: z
          .number()
          .min(0)
          .max(1)
          .default(0.1)
          .describe("A candidate is suggested only if its score beats the original's by at least this."),
      })
      .prefault({})
      .describe("Suggested fixes written by the generator model and ranked by the judge."),
    explain: z
      .strictObject({
        mode: z
          .enum(["off", "flagged"])
          .default("flagged")
          .describe(
            "`flagged`: for each flagged method, the judge scores it again with one line left out at a time (occlusion) and the comment and check run name the line whose removal raises the score most; `off`: never.",
          ),
        max_lines: z
          .int()
          .min(1)
          .max(200)
          .default(12)
          .describe(
            "Lines tried per method (its first ones; blank, comment-only, lone-brace and signature lines are never tried). Each costs the model about the tokens from its line to the end of the method.",
          ),
        max_methods: z
          .int()
          .min(0)
          .max(200)
          .default(10)
          .describe(
            "Flagged methods explained per push, lowest score first; the rest are flagged without the lines.",
          ),
        min_delta: z
          .number()
          .min(0)
          .max(1)
          .default(0.1)
          .describe(
            "A line is named only when leaving it out raises the score by at least this; else the comment says the doubt is spread over the method.",
          ),
      })
      .prefault({})
      .describe("Where the judge doubts: the lines behind a flagged method's score."),
    check: z
      .strictObject({
        conclusion_when_flagged: z
          .enum(["neutral", "failure"])
          .default("neutral")
          .describe("Check-run conclusion when a method is flagged; `failure` can block merging."),
      })
      .prefault({})
      .describe("The `java-judge` check run."),
    commands: z
      .strictObject({
        permission: z
          .enum(["write", "maintain", "admin"])
          .default("write")
          .describe("Least repository permission a user needs to run `/judge` commands."),
        hourly_limit: z
          .int()
          .min(0)
          .default(10)
          .describe("Commands that run the models (review, regenerate) allowed per pull request per hour."),
      })
      .prefault({})
      .describe("Slash commands in pull request comments."),
    limits: z
      .strictObject({
        review_timeout_s: z
          .int()
          .min(1)
          .nullable()
          .default(null)
          .describe(
            "Seconds a review may take; then the judge stops and the check run says the review timed out. `null`: the server's budget (`JOB_TIMEOUT_REVIEW_S`, default 900). Shortens the server's budget, never lengthens it.",
          ),
        regenerate_timeout_s: z
          .int()
          .min(1)
          .nullable()
          .default(null)
          .describe(
            "Seconds a `/judge` command (a regeneration) may take; then the generator stops and the reply says what was done. `null`: the server's budget (`JOB_TIMEOUT_COMMAND_S`, default 600). Shortens it, never lengthens it.",
          ),
      })
      .prefault({})
      .describe("Time budgets of this repository's jobs (a job past its budget stops and is not retried)."),
  })
  .describe("Configuration of java-judge, read from `.github/java-judge.yml` on the default branch.");

export type RepoConfig = z.output<typeof repoConfigSchema>;
