// Start the server on 127.0.0.1 (or the given host) and resolve once it listens.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { StorageError } from "../errors.js";
import { createSite, type AppOptions } from "./app.js";

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
  const { app, fastPath } = createSite(site);
  const hono = getRequestListener(app.fetch);
  // Site files from memory first, on Node's own objects; everything else through Hono.
  const server = createServer((req, res) => {
    if (!fastPath(req, res)) void hono(req, res);
  });
  return new Promise((done, fail) => {
    server.listen(port, host, () => {
      const info = server.address() as AddressInfo;
      const shown = host.includes(":") ? `[${host}]` : host;
      done({
        url: `http://${shown}:${info.port}/`,
        port: info.port,
        close: () =>
          new Promise<void>((ok) => {
            server.close(() => ok());
            // Keep-alive connections would hold close() open until they time out.
            server.closeAllConnections();
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
