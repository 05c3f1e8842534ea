/** A term students meet on the page, what it means here, and where that comes from. */
export interface GlossaryEntry {
  readonly term: string;
  readonly meaning: string;
  readonly source: string;
}

/**
 * The glossary. Sources use the model's notation: `NNN Lx–y` is a line
 * range of seed file NNN; `regimes KEY` a row of the dated digest of rules
 * in force (sim/model/SOURCES.md).
 */
export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    term: 'Patent',
    meaning:
      'Russia\'s work permit for citizens of visa-free countries such as Uzbekistan and Tajikistan: the migrant buys it, passes a language exam and pays a monthly fee; it lapses when a payment is missed. It is the model\'s "worker-tied" permit.',
    source: 'regimes RU1, RU8, RU13; 004 L1876–1882',
  },
  {
    term: 'Registration',
    meaning:
      'Recording the address where a migrant stays, required within a few days of arrival (5 days in Kazakhstan in 2008, 15 or 30 in Russia in 2025). It can be done at one\'s own address, the employer\'s, a broker\'s "rubber" address, or through a digital app.',
    source: '003 L2912–2919; regimes RU19, RU30',
  },
  {
    term: 'Quota',
    meaning:
      'A yearly cap on the number of work permits the state issues, divided among regions in proportion to jobs. When it runs out, employers cannot hire formally until the next year.',
    source: '003 L2028–2032, L2084–2092',
  },
  {
    term: 'Employer-tied permit',
    meaning:
      'A permit that names the employer: the employer applies within the quota and pays, and the worker loses legal status soon after leaving that job, which makes quitting an abusive employer costly.',
    source: '003 L2069–2130; 004 L1018–1030',
  },
  {
    term: 'Worker-tied permit',
    meaning:
      'A permit held by the migrant, who may change employer freely while paying its fees (Russia\'s patent; Kazakhstan\'s household permit since 2014).',
    source: '004 L1876–1882, L2783–2785; regimes KZ8',
  },
  {
    term: 'Free movement',
    meaning:
      'No work permit is needed: a contract and registration make work legal, as for citizens of Eurasian Economic Union members (e.g. Kyrgyz citizens in Russia).',
    source: 'regimes RU17',
  },
  {
    term: 'Control registry',
    meaning:
      'Russia\'s list, from 2025, of foreigners without legal grounds to stay. Listed people cannot sign contracts, register or use most banking, and may be expelled; without a delisting rule the only way off the list is to leave.',
    source: 'regimes RU27–RU29, S44; 002',
  },
  {
    term: 'Amnesty',
    meaning:
      'A window in which irregular migrants already working can become legal, either tied to their current employer (Kazakhstan 2006) or with a permit of their own.',
    source: '003 L2155–2203, L5100–5148',
  },
  {
    term: 'Broker',
    meaning:
      'An intermediary who, for a fee, arranges the trip, a job and papers, often registering clients at a "rubber" address, taking a monthly cut of wages and sometimes keeping passports or taking the fee and delivering nothing.',
    source: '003 L3017–3036, L3104–3117',
  },
  {
    term: 'Irregular',
    meaning:
      'Abroad without legal status: without a valid permit, contract or registration where one is required. Irregular migrants can still work, informally, but risk fines, bribes, detention and removal, and are the easiest to abuse.',
    source: '001 L24–54; 003 L2094–2097',
  },
];
