// The English catalogue: one export per namespace. Adding a namespace is one line here and one
// in ../fr/index.ts (see ../index.ts).
export { common } from "./common.js";
export { shell } from "./shell.js";
export { overview } from "./overview.js";
export { data } from "./data.js";
export { trends } from "./trends.js";
export { seasonality } from "./seasonality.js";
export { weekend } from "./weekend.js";
export { ratings } from "./ratings.js";
export { community } from "./community.js";
export { explore } from "./explore.js";
