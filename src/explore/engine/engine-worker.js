// The Explore engine's Web Worker: DuckDB-Wasm's own worker script, started so that compiling its
// wasm (the longest step of the engine's start) begins the moment the worker does, instead of after
// DuckDB's 0.8 MB script is parsed and asked to instantiate. The page names both files, as the site
// serves them, in this worker's URL: ?duckdb=<worker script>&wasm=<engine> (absolute URLs).
//
// DuckDB-Wasm instantiates with WebAssembly.instantiateStreaming(<its own fetch of the wasm>,
// imports). Here that fetch gets an empty answer at once, and the call gets the module compiled
// from the one download started below: the wasm is downloaded and compiled once, early. A failed
// download or compile is reported by DuckDB's instantiate, as it would have been.
const params = new URL(self.location.href).searchParams;
const wasmUrl = params.get("wasm");
const compiled = WebAssembly.compileStreaming(fetch(wasmUrl, { credentials: "same-origin" }));
compiled.catch(() => undefined); // reported when DuckDB instantiates, not as an unhandled rejection

const siteFetch = self.fetch.bind(self);
self.fetch = (input, init) =>
  (typeof input === "string" ? input : input.url) === wasmUrl
    ? Promise.resolve(new Response(new Uint8Array(0), { headers: { "Content-Type": "application/wasm" } }))
    : siteFetch(input, init);

WebAssembly.instantiateStreaming = async (_source, imports) => {
  const module = await compiled;
  return { module, instance: await WebAssembly.instantiate(module, imports) };
};

self.importScripts(params.get("duckdb"));
