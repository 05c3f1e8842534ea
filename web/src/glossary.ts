/** A term students meet on the page: its catalogue key (term and `.meaning`), and where its meaning comes from. */
export interface GlossaryEntry {
  readonly key: 'patent' | 'registration' | 'quota' | 'employerTied' | 'workerTied' | 'freeMovement' | 'registry' | 'amnesty' | 'broker' | 'irregular';
  readonly source: string;
}

/**
 * The glossary, in the order the page lists it; words are in the language
 * catalogues (`glossary.<key>`). Sources use the model's notation: `NNN Lx–y`
 * is a line range of seed file NNN; `regimes KEY` a row of the dated digest
 * of rules in force (sim/model/SOURCES.md).
 */
export const GLOSSARY: readonly GlossaryEntry[] = [
  { key: 'patent', source: 'regimes RU1, RU8, RU13; 004 L1876–1882' },
  { key: 'registration', source: '003 L2912–2919; regimes RU19, RU30' },
  { key: 'quota', source: '003 L2028–2032, L2084–2092' },
  { key: 'employerTied', source: '003 L2069–2130; 004 L1018–1030' },
  { key: 'workerTied', source: '004 L1876–1882, L2783–2785; regimes KZ8' },
  { key: 'freeMovement', source: 'regimes RU17' },
  { key: 'registry', source: 'regimes RU27–RU29, S44; 002' },
  { key: 'amnesty', source: '003 L2155–2203, L5100–5148' },
  { key: 'broker', source: '003 L3017–3036, L3104–3117' },
  { key: 'irregular', source: '001 L24–54; 003 L2094–2097' },
];
