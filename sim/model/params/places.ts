/**
 * The origin countries and destination regions the model knows.
 * A scenario uses a subset: a region with `jobs_share` 0 has no employers,
 * an origin with `share` 0 sends nobody.
 */
export const ORIGINS = ['kyrgyzstan', 'uzbekistan', 'tajikistan'] as const;
export type Origin = (typeof ORIGINS)[number];

export const REGIONS = ['moscow', 'st_petersburg', 'yekaterinburg', 'almaty', 'astana', 'shymkent'] as const;
export type Region = (typeof REGIONS)[number];

/** Sectors of migrant work; agriculture is seasonal. */
export const SECTORS = ['construction', 'agriculture', 'trade', 'services', 'domestic'] as const;
export type Sector = (typeof SECTORS)[number];
export const AGRICULTURE = SECTORS.indexOf('agriculture');

/** Permit regimes, set per origin country. */
export const REGIMES = ['employer-tied', 'worker-tied', 'free-movement'] as const;
export type Regime = (typeof REGIMES)[number];
export const REGIME_CODE = { 'employer-tied': 0, 'worker-tied': 1, 'free-movement': 2 } as const;
