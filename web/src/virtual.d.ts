/** Data the build (web/build.mjs) bundles into the page from the repository. */

declare module 'virtual:scenarios' {
  /** A YAML file: its name without `.yaml`, and its text. */
  interface NamedText {
    readonly name: string;
    readonly text: string;
  }
  const data: {
    /** scenarios/*.yaml */
    readonly scenarios: readonly NamedText[];
    /** scenarios/bases/*.yaml */
    readonly bases: readonly NamedText[];
  };
  export default data;
}

declare module 'virtual:rules' {
  const data: {
    /** The "Summary of rule:" doc comments of sim/model/rules/*.ts. */
    readonly summaries: readonly { readonly file: string; readonly fn: string; readonly text: string }[];
  };
  export default data;
}

declare module 'virtual:exercises' {
  const data: {
    /** web/exercises/*.yaml: the shipped exercises, one file per scenario. */
    readonly files: readonly { readonly name: string; readonly text: string }[];
  };
  export default data;
}

declare module 'virtual:worker-source' {
  /** The worker bundle's text, to start it from a Blob where worker.js cannot be loaded (file://). */
  const source: string;
  export default source;
}
