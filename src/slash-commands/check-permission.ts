import { toRetryableError } from "../github/to-retryable-error.js";
import type { GitHubClient, RepoRef } from "../github/types.js";

const RANK: Record<string, number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

export interface PermissionCheck {
  allowed: boolean;
  /** The user's role as GitHub names it (admin, maintain, write, triage, read, none). */
  role: string;
}

/**
 * The user's role on the repository, asked of GitHub (`author_association` in the payload is not a
 * permission and is not trusted). `role_name` tells maintain and triage apart, which `permission` folds
 * into write and read. A user GitHub does not know as a collaborator has no role. `least` comes from the
 * repo config (`commands.permission`), which may raise the bar, never lower it below write.
 */
export async function checkPermission(params: {
  octokit: GitHubClient;
  repo: RepoRef;
  username: string;
  least: "write" | "maintain" | "admin";
}): Promise<PermissionCheck> {
  const { octokit, repo, username, least } = params;
  let role: string;
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
    const roleName = (data as { role_name?: string }).role_name ?? "";
    // A custom role has its own name; its base permission is what counts then.
    role = roleName in RANK ? roleName : data.permission || "none";
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status !== 404 && status !== 403) throw toRetryableError(error, `asking ${username}'s permission`);
    role = "none";
  }
  return { allowed: (RANK[role] ?? 0) >= (RANK[least] ?? RANK.admin!), role };
}
