// Shared extract downloads (src/lib/explore/engine-downloads.ts): a prefetch and the load that
// inserts the table share one download; a failure goes to the load that takes it and the next use
// downloads again; a cancelled wait leaves the download for a later run. The "download" here is a
// promise the test settles — the real fetch is exercised in Chromium by explore-engine.test.ts.
import { afterEach, describe, expect, it } from "vitest";
import { forgetDownloads, startDownload, takeDownload } from "../src/lib/explore/engine-downloads.js";
import type { FetchProgress } from "../src/lib/explore/engine-tables.js";

interface Pending {
  calls: number;
  progress?: (p: FetchProgress) => void;
  resolve?: (bytes: Uint8Array) => void;
  reject?: (error: Error) => void;
}

/** A download function whose calls the test counts and whose result it decides. */
function controlled() {
  const state: Pending = { calls: 0 };
  const fetchFile = (onProgress: (p: FetchProgress) => void) => {
    state.calls++;
    state.progress = onProgress;
    return new Promise<Uint8Array>((resolve, reject) => {
      state.resolve = resolve;
      state.reject = reject;
    });
  };
  return { state, fetchFile };
}

afterEach(() => forgetDownloads());

describe("shared extract downloads", () => {
  it("downloads a table once for a prefetch and the load after it, and replays progress so far", async () => {
    const { state, fetchFile } = controlled();
    startDownload("recipes", fetchFile);
    startDownload("recipes", fetchFile);
    state.progress!({ loadedBytes: 40, totalBytes: 100 });
    const seen: FetchProgress[] = [];
    const taken = takeDownload("recipes", (p) => seen.push(p));
    state.progress!({ loadedBytes: 100, totalBytes: 100 });
    state.resolve!(new Uint8Array([1, 2, 3]));
    expect([...(await taken)]).toEqual([1, 2, 3]);
    expect(state.calls).toBe(1);
    expect(seen).toEqual([
      { loadedBytes: 40, totalBytes: 100 },
      { loadedBytes: 100, totalBytes: 100 },
    ]);
    // Handed over: a later use starts a new download.
    await expect(takeDownload("recipes", () => undefined)).rejects.toThrow("No download of recipes");
    startDownload("recipes", fetchFile);
    expect(state.calls).toBe(2);
  });

  it("reports a failed download to the load that takes it, then downloads again", async () => {
    const first = controlled();
    startDownload("interactions", first.fetchFile);
    first.state.reject!(new Error("503 Service Unavailable"));
    await new Promise((r) => setTimeout(r, 0));
    // Still there after failing: the failure is the load's to report.
    startDownload("interactions", first.fetchFile);
    expect(first.state.calls).toBe(1);
    await expect(takeDownload("interactions", () => undefined)).rejects.toThrow("503 Service Unavailable");
    const second = controlled();
    startDownload("interactions", second.fetchFile);
    expect(second.state.calls).toBe(1);
    second.state.resolve!(new Uint8Array([9]));
    expect([...(await takeDownload("interactions", () => undefined))]).toEqual([9]);
  });

  it("stops waiting when the reader cancels, and leaves the download for the next run", async () => {
    const { state, fetchFile } = controlled();
    startDownload("recipe_tags", fetchFile);
    const controller = new AbortController();
    const waiting = takeDownload("recipe_tags", () => undefined, controller.signal);
    controller.abort(new Error("cancelled by the reader"));
    await expect(waiting).rejects.toThrow("cancelled by the reader");
    state.resolve!(new Uint8Array([7, 7]));
    const again = await takeDownload("recipe_tags", () => undefined);
    expect([...again]).toEqual([7, 7]);
    expect(state.calls).toBe(1);
  });

  it("does not wait at all when the signal is already aborted", async () => {
    const { fetchFile } = controlled();
    startDownload("rejects", fetchFile);
    const controller = new AbortController();
    controller.abort(new Error("already cancelled"));
    await expect(takeDownload("rejects", () => undefined, controller.signal)).rejects.toThrow(
      "already cancelled",
    );
  });
});
