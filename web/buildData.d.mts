/** Types of web/buildData.mjs, for the tests that use it. */
export interface NamedText {
  readonly name: string;
  readonly text: string;
}
export interface RuleSummary {
  readonly file: string;
  readonly fn: string;
  readonly text: string;
}
export function yamlFiles(folder: string): NamedText[];
export function ruleSummaries(root: string): RuleSummary[];
