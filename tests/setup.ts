// Quiet the console logger in tests (assertions read values, not log lines) and remove the
// temporary folders each test file made.
import { LogLevels } from "consola";
import { afterAll } from "vitest";
import { logger } from "../data-loaders/logger.js";
import { removeTempDirs } from "./helpers/s3.js";

logger.level = LogLevels.error;
afterAll(() => removeTempDirs());
