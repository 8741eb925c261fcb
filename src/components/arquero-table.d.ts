// Types of arquero's table module, imported by path in csv.ts (see there why): the same
// declarations as the package entry.
declare module "arquero/src/table/index.js" {
  export { from, table } from "arquero";
}
