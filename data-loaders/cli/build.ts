// npm run build -- --env <local|preprod|prod>: build dist/<env> from the environment's dataset.
import { defineCommand, runMain } from "citty";
import { buildSite } from "../site/build.js";
import { commandConfig, envArg, runCommand, withStore } from "./run.js";

const main = defineCommand({
  meta: { name: "build", description: "Build the static site of one environment into dist/<env>" },
  args: { ...envArg },
  run: ({ args }) =>
    runCommand(async () => {
      const config = commandConfig(args.env);
      const result = await withStore(config, ({ store }) => buildSite(config, store));
      process.stdout.write(`${result.outDir}\n`);
    }),
});

await runMain(main);
