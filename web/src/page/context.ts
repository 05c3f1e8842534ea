import type { View } from 'vega';
import type { IndicatorName } from '../../../sim/model/indicators.js';
import type { ParamValue } from '../../../sim/model/params/paramDef.js';
import type { AgentSnapshot } from '../../../analysis/story/agentSnapshot.js';
import type { TracedAgent } from '../../../sim/model/pickAgent.js';
import type { TraceEvent } from '../../../sim/model/state/trace.js';
import { byId } from '../dom.js';
import type { Exercise } from '../exercises.js';
import type { MessageKey } from '../i18n/en.js';
import type { MessageValues, Translator } from '../i18n/translator.js';
import type { Lever, LeverProblem } from '../levers.js';
import type { ScenarioUse } from '../places.js';
import type { RunResults } from '../results.js';
import type { RunHandle } from '../runPool.js';
import type { LibraryEntry } from '../scenarioLibrary.js';
import type { Setting, TraceRequest } from '../settings.js';

export interface ChartView {
  readonly kind: 'line' | 'difference';
  readonly indicator: IndicatorName;
  readonly view: View;
  /** The element the chart is drawn in. */
  readonly container: HTMLElement;
  /** Whether any of it is on screen (chartVisibility.ts); charts are taken to be until told otherwise. */
  onScreen: boolean;
  /** Whether results arrived that it does not show yet. */
  stale: boolean;
}

/** A run in progress or finished: what ran (for its header), its results, charts and the followed migrant. */
export interface ActiveRun {
  readonly token: number;
  readonly entry: LibraryEntry;
  readonly settings: readonly Setting[];
  /** "A"/"B" before each setting's name when comparing; empty for a run of all options. */
  readonly letters: readonly string[];
  readonly seed: number;
  readonly replicates: number;
  readonly currency: string;
  readonly indicators: readonly IndicatorName[];
  readonly results: RunResults;
  readonly started: number;
  handle: RunHandle | undefined;
  chartsReady: Promise<void>;
  views: ChartView[];
  /** Watches which charts are on screen while the run's charts stand (chartVisibility.ts). */
  chartWatch?: IntersectionObserver;
  finished: boolean;
  stopped: boolean;
  paused: boolean;
  redrawPending: boolean;
  lastRedraw: number;
  /** Last update of the progress line and monitors. */
  lastTick: number;
  seconds: number;
  /** Jobs of the run that were started ahead while the page waited (runPool.computeAhead), finished or not. */
  computedAhead: number;
  traced?: TracedAgent;
  readonly story: AgentSnapshot[];
  /** The model's events for the followed agent (sim/model/state/trace.ts). */
  readonly traceEvents: TraceEvent[];
}

/** The page's state. One object, passed to every part of the page, so what each part reads and changes is explicit. */
export interface PageState {
  translator: Translator;
  readonly entries: LibraryEntry[];
  entry: LibraryEntry;
  option: number;
  use: ScenarioUse;
  levers: Lever[];
  values: Record<string, ParamValue>;
  /** Lever values that do not parse, by parameter. */
  readonly errors: Map<string, LeverProblem>;
  run: ActiveRun | undefined;
  runToken: number;
  follow: TraceRequest | undefined;
  /** A prediction written before the run, for the exercise's indicator and option. */
  prediction: { readonly value: number; readonly indicator: IndicatorName; readonly option: number } | undefined;
  /** Exercises by scenario key: shipped, or opened by a teacher. */
  readonly exercises: Map<string, Exercise>;
  importCount: number;
  /** Last time the live region spoke, so that it speaks at most every few seconds. */
  lastAnnounced: number;
  workersBlocked: boolean;
  /** What the status line says, kept so it can be said again in another language. */
  status: { key: MessageKey; values: MessageValues; state: string };
}

export type { Exercise };

/** The page's elements. */
export function findElements() {
  return {
    language: byId<HTMLSelectElement>('language'),
    fileNotice: byId('file-notice'),
    scenario: byId<HTMLSelectElement>('scenario'),
    question: byId('question'),
    countries: byId('countries'),
    notes: byId('notes'),
    importInput: byId<HTMLInputElement>('import'),
    problems: byId('problems'),
    option: byId<HTMLSelectElement>('option'),
    timeline: byId('timeline'),
    levers: byId('levers'),
    changed: byId('changed'),
    reset: byId<HTMLButtonElement>('reset'),
    exportButton: byId<HTMLButtonElement>('export'),
    exportComparison: byId<HTMLButtonElement>('export-comparison'),
    exportBox: byId<HTMLDetailsElement>('export-box'),
    exportText: byId('export-text'),
    replicates: byId<HTMLSelectElement>('replicates'),
    replicateAdvice: byId('replicate-advice'),
    seed: byId<HTMLInputElement>('seed'),
    run: byId<HTMLButtonElement>('run'),
    pause: byId<HTMLButtonElement>('pause'),
    stop: byId<HTMLButtonElement>('stop'),
    status: byId('status'),
    announce: byId('announce'),
    compareA: byId<HTMLSelectElement>('compare-a'),
    compareB: byId<HTMLSelectElement>('compare-b'),
    compare: byId<HTMLButtonElement>('compare'),
    compareNote: byId('compare-note'),
    shareLink: byId<HTMLInputElement>('share-link'),
    exerciseBody: byId('exercise-body'),
    predict: byId<HTMLInputElement>('predict'),
    predictLabel: byId('predict-label'),
    predictNote: byId('predict-note'),
    classSheet: byId<HTMLButtonElement>('class-sheet'),
    exerciseFile: byId<HTMLInputElement>('exercise-file'),
    resultsHeader: byId('results-header'),
    placeChoice: byId('place-choice'),
    resultPlace: byId<HTMLSelectElement>('result-place'),
    monitors: byId('monitors'),
    charts: byId('charts'),
    sentences: byId('sentences'),
    difference: byId('difference'),
    differenceIndicator: byId<HTMLSelectElement>('difference-indicator'),
    differenceChart: byId('difference-chart'),
    differenceTable: byId<HTMLTableElement>('difference-table'),
    follow: byId<HTMLSelectElement>('follow'),
    followAgentRow: byId('follow-agent-row'),
    followAgent: byId<HTMLInputElement>('follow-agent'),
    followAgentLabel: byId('follow-agent-label'),
    story: byId('story'),
    mechanisms: byId('mechanisms'),
    glossary: byId('glossary'),
  };
}

export type Elements = ReturnType<typeof findElements>;

/** What every part of the page is handed: its state and its elements. */
export interface Page {
  readonly state: PageState;
  readonly ui: Elements;
}
