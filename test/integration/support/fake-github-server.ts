import { createServer, type IncomingMessage, type Server } from "node:http";

export interface Recorded {
  method: string;
  path: string;
  body: any;
}

export type Route = (req: {
  method: string;
  path: string;
  body: any;
}) => { status: number; body?: unknown } | undefined;

/** A GitHub Enterprise stand-in on 127.0.0.1 (REST under /api/v3, GraphQL at /api/graphql) for the e2e test. */
export async function startFakeGitHub(
  route: Route,
): Promise<{ url: string; host: string; requests: Recorded[]; close(): Promise<void> }> {
  const requests: Recorded[] = [];
  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const body = raw ? JSON.parse(raw) : undefined;
    const path = (req.url ?? "/").replace(/^\/api\/v3/, "");
    const method = req.method ?? "GET";
    requests.push({ method, path, body });
    const answer = route({ method, path, body }) ?? {
      status: 404,
      body: { message: `Not Found (fake GitHub: ${method} ${path})` },
    };
    res.writeHead(answer.status, { "content-type": "application/json; charset=utf-8" });
    res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (c) => (data += c));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}
