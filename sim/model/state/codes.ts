/** Where a migrant is. Banned and listed are recorded separately (bannedUntil, Flag.OnRegistry). */
export const Status = { AtHome: 0, Abroad: 1, Detained: 2 } as const;

/** The work document a migrant holds. */
export const Permit = {
  None: 0,
  /** Names one employer (permitEmployer); Kazakhstan's quota permit, or an employer-tied amnesty. */
  EmployerTied: 1,
  /** The migrant's own permit, kept alive by a monthly fee (Russia's patent). */
  WorkerTied: 2,
  /** A worker-tied permit prepaid until permitUntil, from an open amnesty. */
  Open: 3,
} as const;

/** How a migrant is registered at an address. */
export const Registration = { None: 0, OwnAddress: 1, EmployerAddress: 2, RubberAddress: 3, Digital: 4 } as const;

/** Bit flags of a migrant. */
export const Flag = {
  PassportHeld: 1,
  FakeDocument: 2,
  OnRegistry: 4,
  /** Works under a contract the state knows of. */
  Formal: 8,
  /** The state has recorded a lapse of status (expired document, detection). */
  LapseRecorded: 16,
  /** Legal status as last computed by documentUpkeep. */
  Legal: 32,
  RussianSpeaker: 64,
  /** Stopped by the police this week (news for the village; cleared by measure). */
  CheckedThisWeek: 128,
} as const;

/** What a migrant remembers of earlier trips; it colours their beliefs (decisions/perception.ts). */
export const Experience = { Caught: 1, Defrauded: 2 } as const;

export const NO_ONE = -1;
/** A day far in the past, for "never" deadlines. */
export const NEVER = -2_000_000_000;
/** A day far in the future, for what never comes (ageing out when nobody does). */
export const FOREVER = 2_000_000_000;
