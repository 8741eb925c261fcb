// The Explore engine's Web Worker: DuckDB-Wasm's own worker script, started so that compiling its
// wasm (the longest step of the engine's start) begins the moment the worker does, instead of after
// DuckDB's 0.8 MB script is parsed and asked to instantiate. The page names both files, as the site
// serves them, in this worker's URL: ?duckdb=<worker script>&wasm=<engine>.
//
// DuckDB-Wasm instantiates with WebAssembly.instantiateStreaming(<its own fetch>, imports); here
// that call gets the module already compiled (or being compiled) from the one fetch started below,
// and DuckDB's second fetch of the same file is cancelled. A failed download or compile is reported
// by DuckDB's instantiate, as it would have been.
const params = new URL(self.location.href).searchParams;
const compiled = WebAssembly.compileStreaming(fetch(params.get("wasm"), { credentials: "same-origin" }));
compiled.catch(() => undefined); // reported when DuckDB instantiates, not as an unhandled rejection

WebAssembly.instantiateStreaming = async (source, imports) => {
  Promise.resolve(source).then(
    (response) => response.body?.cancel(),
    () => undefined,
  );
  const module = await compiled;
  return { module, instance: await WebAssembly.instantiate(module, imports) };
};

self.importScripts(params.get("duckdb"));
