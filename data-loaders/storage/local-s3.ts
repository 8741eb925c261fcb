// The embedded S3 server: s3rver on 127.0.0.1 with its objects under a git-ignored folder. It speaks
// the real S3 HTTP protocol, so the same client code talks to it and to Garage in production.
import { mkdirSync } from "node:fs";
import S3rver from "s3rver";
import { StorageError } from "../errors.js";
import { installedStates } from "./s3rver-patch.js";

export interface LocalS3 {
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

export interface LocalS3Options {
  directory: string;
  /** 0 (default) picks a free port. */
  port?: number;
  buckets?: string[];
}

/** Refuse to start an s3rver without our fixes (see s3rver-patch.ts): it would fail listings and locks. */
function checkPatched(): void {
  const missing = installedStates().filter((s) => s.state !== "patched");
  if (missing.length > 0) {
    throw new StorageError(
      `The embedded S3 server (s3rver) lacks the patch(es) ${missing.map((s) => s.patch.name).join(", ")}: listings beyond 1,000 keys and concurrent commands would fail.`,
      {
        hint: "Run `npm install` (its postinstall step patches it), or `npx tsx data-loaders/storage/s3rver-patch.ts`.",
      },
    );
  }
}

export async function startLocalS3({ directory, port = 0, buckets = [] }: LocalS3Options): Promise<LocalS3> {
  checkPatched();
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    address: "127.0.0.1",
    port,
    directory,
    silent: true,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  let address;
  try {
    address = await server.run();
  } catch (cause) {
    throw new StorageError(`Cannot start the embedded S3 server on 127.0.0.1:${port}.`, {
      hint: "Free the port, or set S3_ENDPOINT to use another S3 server.",
      cause,
    });
  }
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    port: address.port,
    async close() {
      // The SDK keeps sockets alive; without this, close() waits for them to time out.
      server.httpServer.closeAllConnections();
      await server.close();
    },
  };
}
