import type { ProbotOctokit } from "probot";

/** An installation-authenticated Octokit (REST, GraphQL, paginate, config), as Probot makes it. */
export type GitHubClient = InstanceType<typeof ProbotOctokit>;

export interface RepoRef {
  owner: string;
  repo: string;
}
