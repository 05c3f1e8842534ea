import { COLUMN } from '../indicators.js';

/**
 * Who holds money. Every payment moves an amount from one holder's account
 * to another's, so money is never made or lost inside the model. Two
 * holders stand for the world outside it: `home` (the families and lenders
 * of an origin country) and `economy` (a destination country's landlords,
 * shops, carriers and the buyers of what employers make); their balances
 * may go below zero.
 */
export const Holder = { migrant: 0, employer: 1, broker: 2, police: 3, state: 4, home: 5, economy: 6 } as const;
export type HolderName = keyof typeof Holder;
export const HOLDER_NAMES = Object.keys(Holder) as HolderName[];

/** Whose account a holder's id names: a migrant, employer, broker, police unit, destination country or origin country. */
export const HOLDER_ID: Readonly<Record<HolderName, string>> = {
  migrant: 'migrant',
  employer: 'employer',
  broker: 'broker',
  police: 'police unit (state/police.ts)',
  state: 'destination country',
  home: 'origin country',
  economy: 'destination country',
};

type Column = keyof typeof COLUMN;

interface PaymentKind {
  readonly name: string;
  readonly from: HolderName;
  readonly to: HolderName;
  /** The weekly indicator the payment adds to, if any (payments to the state also add to state_revenue). */
  readonly indicator?: Column;
  readonly meaning: string;
}

/** Every kind of payment in the model, with its payer and receiver. */
export const PAYMENTS = [
  { name: 'brought', from: 'home', to: 'migrant', meaning: 'Savings a migrant takes from home on a trip.' },
  { name: 'borrowed', from: 'home', to: 'migrant', meaning: 'Money borrowed from relatives at home to pay a cost (003 L3038–3041).' },
  { name: 'debt_repaid', from: 'migrant', to: 'home', meaning: 'Repayment of a migrant\'s debt.' },
  { name: 'carried_home', from: 'migrant', to: 'home', meaning: 'Savings a migrant carries home at the end of a trip.' },
  { name: 'remitted', from: 'migrant', to: 'home', indicator: 'remittances', meaning: 'Money sent home.' },
  { name: 'remittance_loss', from: 'migrant', to: 'economy', meaning: 'Cost of sending money through informal channels (listed people).' },
  { name: 'trip', from: 'migrant', to: 'economy', meaning: 'The journey to the destination.' },
  { name: 'living', from: 'migrant', to: 'economy', meaning: 'Housing and food abroad.' },
  { name: 'sales', from: 'economy', to: 'employer', meaning: 'What a migrant\'s work earns the employer.' },
  { name: 'wage', from: 'employer', to: 'migrant', indicator: 'wages_paid', meaning: 'Wages, including arrears settled.' },
  { name: 'broker_cut', from: 'employer', to: 'broker', indicator: 'broker_fees', meaning: 'The broker\'s monthly cut of wages that pass through him (003 L3022–3025, L3033–3036).' },
  { name: 'broker_fee', from: 'migrant', to: 'broker', indicator: 'broker_fees', meaning: 'Fees migrants pay brokers: placement, a "rubber" address, a fake document.' },
  { name: 'broker_service', from: 'employer', to: 'broker', indicator: 'broker_fees', meaning: 'What an employer pays a broker for each worker he places with it (003 L3024–3025).' },
  { name: 'worker_sale', from: 'employer', to: 'broker', indicator: 'broker_fees', meaning: 'What an employer pays a broker for a worker he sells on to it (003 L3075–3080, L3104–3117).' },
  { name: 'migrant_fee', from: 'migrant', to: 'state', meaning: 'Fees migrants pay the state: registration, permits and their monthly payments.' },
  { name: 'employer_fee', from: 'employer', to: 'state', meaning: 'Fees employers pay the state for employer-tied permits.' },
  { name: 'migrant_fine', from: 'migrant', to: 'state', indicator: 'fines_migrants', meaning: 'Fines on migrants.' },
  { name: 'employer_fine', from: 'employer', to: 'state', indicator: 'fines_employers', meaning: 'Fines on employers.' },
  { name: 'migrant_bribe', from: 'migrant', to: 'police', indicator: 'bribes_amount', meaning: 'Bribes migrants pay police.' },
  { name: 'employer_bribe', from: 'employer', to: 'police', indicator: 'bribes_amount', meaning: 'Bribes employers pay police.' },
  { name: 'broker_bribe', from: 'broker', to: 'police', indicator: 'bribes_amount', meaning: 'Bribes brokers pay police to protect their clients or to settle their own cases.' },
  { name: 'release_bribe', from: 'employer', to: 'police', indicator: 'bribes_amount', meaning: 'Bribes employers pay police to take a detained worker back (003 L3197–3199).' },
  { name: 'broker_fine', from: 'broker', to: 'state', meaning: 'Fines on brokers caught defrauding a client or selling fakes.' },
  { name: 'quota_application', from: 'employer', to: 'state', meaning: 'What employers pay to apply for quota slots (quota.application_cost per slot).' },
] as const satisfies readonly PaymentKind[];

export type PaymentName = (typeof PAYMENTS)[number]['name'];

/** Index of each payment kind, written out for the hot loops; a test checks it against PAYMENTS. */
export const Payment = {
  brought: 0,
  borrowed: 1,
  debt_repaid: 2,
  carried_home: 3,
  remitted: 4,
  remittance_loss: 5,
  trip: 6,
  living: 7,
  sales: 8,
  wage: 9,
  broker_cut: 10,
  broker_fee: 11,
  broker_service: 12,
  worker_sale: 13,
  migrant_fee: 14,
  employer_fee: 15,
  migrant_fine: 16,
  employer_fine: 17,
  migrant_bribe: 18,
  employer_bribe: 19,
  broker_bribe: 20,
  release_bribe: 21,
  broker_fine: 22,
  quota_application: 23,
} as const satisfies { readonly [K in PaymentName]: number };

export const PAYER = Uint8Array.from(PAYMENTS, (p) => Holder[p.from]);
export const RECEIVER = Uint8Array.from(PAYMENTS, (p) => Holder[p.to]);
/** Indicator column of each payment kind (−1: none). */
export const PAYMENT_COLUMN = Int16Array.from(PAYMENTS, (p: PaymentKind) => (p.indicator === undefined ? -1 : COLUMN[p.indicator]));

/** Accounts of the holders that are not agents with their own arrays, and the totals paid. */
export interface Accounts {
  /** Bribe income of each police unit (state/police.ts). */
  readonly police: Float64Array;
  /** Revenue of each destination country's state. */
  readonly state: Float64Array;
  /** Each origin country's families and lenders (outside the model: may go below zero). */
  readonly home: Float64Array;
  /** Each destination country's economy outside the model (may go below zero). */
  readonly economy: Float64Array;
  /** Total moved by each payment kind since the world was built: paid[Payment.x]. */
  readonly paid: Float64Array;
  /** Debts written off since the world was built (a loss of the lender's claim, not a payment). */
  defaulted: number;
  /** Every holder's balances by Holder number (migrants' savings, employers' and brokers' cash, then the arrays above), for the transfers' hot path. */
  readonly balances: readonly Float64Array[];
}

/** The accounts of a world whose migrants, employers and brokers hold the given arrays. */
export function createAccounts(agents: { savings: Float64Array; employerCash: Float64Array; brokerCash: Float64Array }, policeUnits: number, countries: number, origins: number): Accounts {
  const police = new Float64Array(policeUnits);
  const state = new Float64Array(countries);
  const home = new Float64Array(origins);
  const economy = new Float64Array(countries);
  const balances: Float64Array[] = [];
  balances[Holder.migrant] = agents.savings;
  balances[Holder.employer] = agents.employerCash;
  balances[Holder.broker] = agents.brokerCash;
  balances[Holder.police] = police;
  balances[Holder.state] = state;
  balances[Holder.home] = home;
  balances[Holder.economy] = economy;
  return { police, state, home, economy, paid: new Float64Array(PAYMENTS.length), defaulted: 0, balances };
}

/** The totals paid, by payment name. */
export function paidTotals(accounts: Accounts): Record<PaymentName, number> {
  return Object.fromEntries(PAYMENTS.map((p, k) => [p.name, accounts.paid[k]])) as Record<PaymentName, number>;
}
