// Start the static server on 127.0.0.1 (or HOST) and resolve once it listens.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { StorageError } from "../errors.js";
import { createApp } from "./app.js";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export function serveSite(root: string, port: number, host = "127.0.0.1"): Promise<RunningServer> {
  return new Promise((done, fail) => {
    const server = serve({ fetch: createApp(root).fetch, port, hostname: host }, (info: AddressInfo) =>
      done({
        url: `http://${host}:${info.port}/`,
        close: () => new Promise<void>((ok) => server.close(() => ok())),
      }),
    );
    server.on("error", (error: NodeJS.ErrnoException) =>
      fail(
        new StorageError(`Cannot listen on ${host}:${port} (${error.code}).`, {
          hint:
            error.code === "EADDRINUSE"
              ? "Another process uses the port: set PORT to another one."
              : undefined,
        }),
      ),
    );
  });
}
