// Framework's standard library as a module imports it (`observablehq:stdlib`, resolved by Framework
// at build time): only the part our modules use. A module must import FileAttachment from here for
// Framework to find and publish the files it names.
declare module "observablehq:stdlib" {
  interface AttachedFile {
    name: string;
    json(): Promise<unknown>;
    text(): Promise<string>;
    url(): Promise<string>;
  }
  export function FileAttachment(name: string): AttachedFile;
}
