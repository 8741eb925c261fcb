// Where an ingest's time goes: each step's wall time and the process's CPU time (user + system,
// all DuckDB threads) during it. CPU time barely moves when other jobs share the machine, wall
// time does: compare CPU times between runs. Each step is logged (debug) as it ends, the list
// once (info) at the end; with LOG_LEVEL=trace every SQL statement is logged with its times too.
import type { Session } from "../duckdb/session.js";
import { logger } from "../logger.js";

export interface StageClock {
  /** Runs `step`, recording its times under `name`. */
  time<T>(name: string, step: () => Promise<T>): Promise<T>;
  /** "read recipes 2.1 s (CPU 3.0 s), clean recipes 1.4 s (CPU 2.2 s), …" */
  summary(): string;
}

interface Times {
  wall: number;
  cpu: number;
}

/** Runs `step` and gives its wall and CPU seconds to `done`, even when it throws. */
async function timed<T>(step: () => Promise<T>, done: (times: Times) => void): Promise<T> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  try {
    return await step();
  } finally {
    const used = process.cpuUsage(cpu);
    done({ wall: (performance.now() - wall) / 1000, cpu: (used.user + used.system) / 1e6 });
  }
}

const show = ({ wall, cpu }: Times) => `${wall.toFixed(1)} s (CPU ${cpu.toFixed(1)} s)`;

export function stageClock(): StageClock {
  const stages: [string, Times][] = [];
  return {
    time: (name, step) =>
      timed(step, (times) => {
        stages.push([name, times]);
        logger.debug(`Ingest step ${name}: ${show(times)}`);
      }),
    summary: () => stages.map(([name, times]) => `${name} ${show(times)}`).join(", "),
  };
}

/** The session, with every statement's times logged at trace level. */
export function tracedSession(session: Session): Session {
  const what = (sql: string) => sql.trim().replace(/\s+/g, " ").slice(0, 100);
  return {
    ...session,
    query: ((sql, params) =>
      timed(
        () => session.query(sql, params),
        (t) => logger.trace(`${show(t)}  ${what(sql)}`),
      )) as Session["query"],
    run: (sql, params) =>
      timed(
        () => session.run(sql, params),
        (t) => logger.trace(`${show(t)}  ${what(sql)}`),
      ),
  };
}
