// Observable Framework configuration: one site per environment. The build command (npm run build
// -- --env <env>, or npm run dev) writes a BuildInfo file and passes its path in BTTK_BUILD_INFO;
// the shell (sidebar, badge, generated-data notice, footer) is rendered from it and from the page
// registry, in the language of each page. Pages and navigation come from src/lib/pages.ts.
import { readFileSync } from "node:fs";
import { renderFooter, renderHead, renderHeader } from "./src/components/shell.js";
import { BUILD_INFO_VARIABLE, buildInfoSchema, type BuildInfo } from "./src/lib/contracts/build.js";
import { allPagePaths } from "./src/lib/pages.js";

/** The project's public repository, linked from every page's footer. */
export const REPOSITORY = "https://github.com/back-to-the-kitchen/back-to-the-kitchen";

/** The BuildInfo whose file the build names in BTTK_BUILD_INFO; a clear error without it. */
export function readBuildInfo(vars: NodeJS.ProcessEnv = process.env): BuildInfo {
  const path = vars[BUILD_INFO_VARIABLE];
  if (!path) {
    throw new Error(
      `${BUILD_INFO_VARIABLE} is not set: the site needs the build's facts (environment, dataset, version). ` +
        "Run `npm run build -- --env <env>` or `npm run dev` instead of calling Framework directly.",
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (cause) {
    throw new Error(
      `${BUILD_INFO_VARIABLE}=${path} cannot be read as JSON. Run \`npm run build -- --env <env>\` again.`,
      {
        cause,
      },
    );
  }
  const parsed = buildInfoSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path} is not a BuildInfo: ${issue.path.join(".")} ${issue.message}.`);
  }
  return parsed.data;
}

const build = readBuildInfo();
const shell = (path: string) => ({ path, build, repository: REPOSITORY });

export default {
  title: "Back to the Kitchen",
  // Each build or preview runs on a private copy of src/ made of symlinks, with its own cache
  // (data-loaders/site/framework-root.ts); Framework called directly uses src/ itself.
  root: process.env.BTTK_FRAMEWORK_ROOT ?? "src",
  output: process.env.BTTK_OUTPUT ?? "dist/local",
  style: "style.css",
  // The default global stylesheet loads fonts from a public CDN; ours are self-hosted (head).
  globalStylesheets: [],
  dynamicPaths: allPagePaths(),
  // The shell is ours (src/components/shell.ts): language-aware navigation, badge and footer.
  sidebar: false,
  pager: false,
  search: false,
  toc: false,
  head: ({ path }: { path: string }) => renderHead(shell(path)),
  header: ({ path }: { path: string }) => renderHeader(shell(path)),
  footer: ({ path }: { path: string }) => renderFooter(shell(path)),
};
