// One way to run the server for an environment, shared by `npm start` and `npm run serve`: the
// reader-event log opened for the environment, the app on the given folder or live snapshot,
// and a clean stop (server closed, log flushed) on Ctrl-C or SIGTERM (docker stop).
import type { AppConfig } from "../config/config.js";
import { openEventLog } from "../events/log.js";
import type { SiteState } from "./app.js";
import type { FileCache } from "./file-cache.js";
import { serveSite, type RunningServer } from "./serve.js";

export interface RunOptions {
  site: string | (() => SiteState);
  port: number;
  host: string;
  files?: FileCache;
}

export async function runServer(
  config: AppConfig,
  { site, port, host, files }: RunOptions,
): Promise<RunningServer> {
  const log = openEventLog({
    dir: config.log.dir,
    env: config.env,
    maxSize: config.log.maxSize,
    maxFiles: config.events.maxFiles,
  });
  let server: RunningServer;
  try {
    server = await serveSite(
      { site, env: config.env, files, events: { ...config.events, write: (event) => void log.write(event) } },
      port,
      host,
    );
  } catch (error) {
    await log.close();
    throw error;
  }
  return {
    ...server,
    async close() {
      await server.close();
      await log.close();
    },
  };
}

/** Resolves at the first SIGINT or SIGTERM. */
export function untilStopped(): Promise<void> {
  return new Promise<void>((stop) => {
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
