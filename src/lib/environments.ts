// The deployment environments, shared by the Node side (config) and the site (badge).

export const ENVIRONMENTS = ["local", "preprod", "prod"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];
