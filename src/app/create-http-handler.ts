import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppMetrics } from "./create-metrics.js";

/** GitHub caps webhook payloads at 25 MB; a bigger body is not GitHub's and is refused before it is read. */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

type Middleware = (req: IncomingMessage, res: ServerResponse, next?: () => void) => unknown;

/** The server's routes: Probot's webhook middleware (at webhookPath, and POST /), `/healthz`, `/metrics`, else 404. */
export function createHttpHandler(params: {
  webhooks: Middleware;
  metrics: AppMetrics;
  webhookPath: string;
}) {
  const { webhooks, metrics, webhookPath } = params;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let url = (req.url ?? "/").split("?")[0];
    if (req.method === "POST" && url === "/") {
      // Probot's setup page registers the app with `<this server's address>/` as its webhook URL.
      url = webhookPath;
      req.url = webhookPath;
    }
    if (req.method === "GET" && url === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      return;
    }
    if (req.method === "GET" && url === "/metrics") {
      const body = await metrics.registry.metrics();
      res.writeHead(200, { "content-type": metrics.registry.contentType }).end(body);
      return;
    }
    if (url === webhookPath) {
      const stop = metrics.webhookAck.startTimer();
      res.on("finish", () => stop({ status: String(res.statusCode) }));
      if (Number(req.headers["content-length"] ?? 0) > MAX_WEBHOOK_BYTES) {
        // Close the connection rather than read the rest of a body nobody will look at.
        res.on("finish", () => req.destroy());
        res
          .writeHead(413, { "content-type": "text/plain", connection: "close" })
          .end("payload over GitHub's 25 MB webhook limit\n");
        return;
      }
    }
    await webhooks(req, res, () => {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
    });
  };
}
