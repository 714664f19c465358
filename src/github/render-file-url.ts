/**
 * The web page of a file at a commit, from the API's base URL: `https://api.github.com` serves github.com, a GitHub
 * Enterprise Server's API lives under `/api/v3` of its host (Probot's GHE_HOST).
 */
export function renderFileUrl(p: {
  apiBaseUrl: string;
  owner: string;
  repo: string;
  sha: string;
  path: string;
}): string {
  const base = p.apiBaseUrl.replace(/\/+$/, "");
  const web = base === "https://api.github.com" ? "https://github.com" : base.replace(/\/api\/v3$/, "");
  const path = p.path.split("/").map(encodeURIComponent).join("/");
  return `${web}/${encodeURIComponent(p.owner)}/${encodeURIComponent(p.repo)}/blob/${p.sha}/${path}`;
}
