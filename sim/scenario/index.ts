/**
 * The scenario reader without Node APIs, for the CLI and the web page alike.
 * The Node file loader is in loadScenarioFile.ts.
 */
export { AUTO_DEFAULTS, type AutoReplicates } from './autoReplicates.js';
export { applyOverrides, type RunOverrides } from './applyOverrides.js';
export { parseScenario, SCENARIO_KEYS } from './parseScenario.js';
export { BASE_KEYS } from './resolveBaseChain.js';
export { RUN_SETTINGS, MAX_REPLICATES, MAX_YEARS } from './runSettings.js';
export { ScenarioError, formatProblem, type ScenarioProblem } from './scenarioError.js';
export { readScenarioSummary, type ScenarioSummary } from './scenarioSummary.js';
export { scenarioToYaml, type DraftEvent, type DraftOption, type ScenarioDraft } from './scenarioToYaml.js';
export {
  isBasePath,
  type BaseLoader,
  type ResolvedEvent,
  type ResolvedOption,
  type ResolvedScenario,
  type SourceText,
} from './scenarioTypes.js';
export { nearestName } from './suggestName.js';
