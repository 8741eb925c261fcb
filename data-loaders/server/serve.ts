// Start the server on 127.0.0.1 (or the given host) and resolve once it listens.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { StorageError } from "../errors.js";
import { createApp, type AppOptions } from "./app.js";

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function serveSite(
  site: string | AppOptions,
  port: number,
  host = "127.0.0.1",
): Promise<RunningServer> {
  const app = createApp(site);
  return new Promise((done, fail) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      const shown = host.includes(":") ? `[${host}]` : host;
      done({
        url: `http://${shown}:${info.port}/`,
        port: info.port,
        close: () =>
          new Promise<void>((ok) => {
            server.close(() => ok());
            // Keep-alive connections would hold close() open until they time out.
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.on("error", (error: NodeJS.ErrnoException) =>
      fail(
        new StorageError(`Cannot listen on ${host}:${port} (${error.code}).`, {
          hint:
            error.code === "EADDRINUSE"
              ? "Another process uses the port: pass --port or set PORT to another one."
              : error.code === "EACCES"
                ? "Ports below 1024 need privileges: use a higher one."
                : undefined,
        }),
      ),
    );
  });
}
