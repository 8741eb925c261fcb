// The retry options shared by `npm run healthcheck` and the check that `npm run deploy` runs.
export const checkArgs = {
  retries: { type: "string", description: "Checks in all before giving up (default: 10)" },
  interval: { type: "string", description: "Seconds between checks (default: 10)" },
  timeout: { type: "string", description: "Seconds one request may take (default: 10)" },
} as const;
