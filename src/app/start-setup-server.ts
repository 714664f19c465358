import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { run } from "probot";
import { UsageError } from "../errors.js";

/**
 * The first run (`npm start` with no GitHub App credentials): Probot's setup flow on PORT. Its page registers the
 * app on GitHub from ./app.yml (a manifest), GitHub sends the browser back to /probot/setup, and that writes APP_ID,
 * PRIVATE_KEY and WEBHOOK_SECRET into ./.env; the next `npm start` serves the app.
 */
export async function startSetupServer(
  env: NodeJS.ProcessEnv,
  settings: { port: number; host: string },
): Promise<{ port: number; stop(): Promise<void> }> {
  if (!existsSync("app.yml")) {
    throw new UsageError(
      `no GitHub App credentials (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET) and no app.yml in ${resolve(".")} to register the app from: start java-judge in its own folder, or set them (see .env.example)`,
    );
  }
  // Probot would otherwise fetch smee-client with npx and point the app's webhooks at a smee.io channel, which
  // java-judge's server does not read from.
  process.env.NO_SMEE_SETUP = "true";
  const server = await run(() => {}, {
    env: { ...env, PORT: String(settings.port), HOST: settings.host, NO_SMEE_SETUP: "true" },
  });
  const shown = ["0.0.0.0", "::"].includes(settings.host) ? "localhost" : settings.host;
  const url = `http://${shown}:${server.port}`;
  process.stderr.write(
    `java-judge: no GitHub App credentials yet: open ${url} and press "Register GitHub App"; GitHub registers ` +
      `the app from app.yml and sends you back here, and the page writes APP_ID, PRIVATE_KEY and WEBHOOK_SECRET ` +
      `into ${resolve(".env")}; then stop this server and run npm start again\n`,
  );
  if (["localhost", "127.0.0.1", "::1"].includes(shown) && !env.WEBHOOK_PROXY_URL) {
    process.stderr.write(
      "java-judge: GitHub registers an app only with a webhook URL it can reach: open the page through this " +
        "server's public address instead, or set WEBHOOK_PROXY_URL to a public URL that forwards to " +
        `${url}/api/github/webhooks\n`,
    );
  }
  return { port: server.port, stop: () => server.stop() };
}
