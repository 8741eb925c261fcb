// A publishing process for the fault tests, run with tsx: builds a small snapshot in a work folder
// named like the ingest's (<cache>/ingest/<pid>-<time>), then publishes it with publishSnapshot.
//   PUBLISH_ID      dataset id          PUBLISH_ENV  environment (default preprod)
//   PUBLISH_HANG=1  after the first file is uploaded, print "uploaded-first" and hang forever
//                   (the test then kills the process, as a user or the OOM killer would).
// S3 and cache settings come from the usual variables (S3_ENDPOINT, CACHE_DIR, …).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../../data-loaders/config/config.js";
import type { Environment } from "../../data-loaders/config/environment.js";
import { publishSnapshot } from "../../data-loaders/ingest/publish.js";
import { connectStore } from "../../data-loaders/storage/connect.js";
import type { ObjectStore } from "../../data-loaders/storage/s3-store.js";
import { writeFakeDataset } from "./fake-dataset.js";

const id = process.env.PUBLISH_ID!;
const env = (process.env.PUBLISH_ENV ?? "preprod") as Environment;
const config = loadConfig({ env });
const work = join(config.paths.cache, "ingest", `${process.pid}-${Date.now()}`);
mkdirSync(work, { recursive: true });
const manifest = writeFakeDataset(work, id, {
  "recipes.parquet": `recipes of ${id} `.repeat(1000),
  "interactions.parquet": `interactions of ${id} `.repeat(1000),
  "recipe_tags.parquet": `tags of ${id}`,
});
const connection = await connectStore(config);

function hangingAfterFirstUpload(store: ObjectStore): ObjectStore {
  let uploads = 0;
  return {
    ...store,
    async putFile(key, path, type) {
      if (uploads++ === 0) {
        await store.putFile(key, path, type);
        process.stdout.write("uploaded-first\n");
        return;
      }
      // A timer keeps the process alive: it hangs, it does not exit.
      await new Promise(() => setInterval(() => undefined, 60_000));
    },
  };
}

const store = process.env.PUBLISH_HANG === "1" ? hangingAfterFirstUpload(connection.store) : connection.store;
try {
  const pointer = await publishSnapshot(store, work, manifest, env, { promote: true });
  process.stdout.write(`${JSON.stringify(pointer)}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await connection.close();
}
