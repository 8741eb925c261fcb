// Which environment this process runs for: APP_ENV (any case) first, then a hint in the working
// directory path (a deploy folder named preprod or prod), then local. Cached, resettable in tests.
import { ConfigurationError } from "../errors.js";
import { ENVIRONMENTS, type Environment } from "../../src/lib/environments.js";

export { ENVIRONMENTS, type Environment };

let cached: Environment | undefined;

export function parseEnvironment(value: string, source = "APP_ENV"): Environment {
  const env = value.trim().toLowerCase();
  if ((ENVIRONMENTS as readonly string[]).includes(env)) return env as Environment;
  throw new ConfigurationError(`${source}="${value}" is not an environment.`, {
    hint: `Use one of: ${ENVIRONMENTS.join(", ")} (case does not matter).`,
  });
}

/** The environment named by a path segment, the deepest one winning (…/prod/app → prod). */
export function environmentFromPath(path: string): Environment | undefined {
  const segments = path.split(/[\\/]+/).map((s) => s.toLowerCase());
  for (let i = segments.length - 1; i >= 0; i--) {
    const hit = ENVIRONMENTS.find((env) => segments[i] === env || segments[i].endsWith(`-${env}`));
    if (hit) return hit;
  }
  return undefined;
}

export function detectEnvironment(
  vars: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): Environment {
  if (cached) return cached;
  const fromVar = vars.APP_ENV?.trim() ? parseEnvironment(vars.APP_ENV) : undefined;
  cached = fromVar ?? environmentFromPath(cwd) ?? "local";
  return cached;
}

/** Forget the cached environment (tests, or a command that switches with --env). */
export function resetEnvironment(): void {
  cached = undefined;
}
