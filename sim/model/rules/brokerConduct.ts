import { countryRules } from '../actions/employment.js';
import { NO_ONE } from '../state/codes.js';
import type { World } from '../world.js';

/**
 * Summary of rule: each week a broker decides how far he follows his
 * inclination to defraud clients (broker.fraud_rate: take the fee and
 * deliver nothing, 003 L3033–3034). He holds back as his reputation falls,
 * and as he expects to be caught:
 *
 *   fraud = min(1, broker.fraud_rate × exp(−broker.reputation_response × (rep − broker.fraud_rate)) × G / (G + S))
 *
 * where rep is what the villages that know him believe of him (the chance
 * he lets a client down, averaged over them; broker.fraud_rate when none
 * does), S the sanction he expects for one fraud (the client reports him
 * with broker.fraud_report_prob × police.capacity, and the case costs him
 * broker.fine, or police.bribe with police.corruption), and G what one
 * client is worth to him (placement fee, the employer's service fee and
 * the cuts of a contract). A reputation better than a stranger's lets him
 * cheat more; every term moves his fraud smoothly.
 */
export function brokerConduct(world: World): void {
  const brokers = world.brokers;
  const g = world.params.g;
  rateReputations(world);
  for (let b = 0; b < brokers.count; b++) {
    const d = countryRules(world, brokers.region[b]);
    const reputation = Number.isNaN(brokers.reputation[b]) ? g.brokerFraudRate : brokers.reputation[b];
    const expectedSanction =
      Math.min(1, g.brokerFraudReportProb * d.policeCapacity) * ((1 - d.policeCorruption) * d.brokerFine + d.policeCorruption * d.policeBribe);
    const clientWorth = d.brokerPlacementFee + d.brokerServiceFee + d.brokerMonthlyCut * g.brokerContractMonths;
    const undeterred = clientWorth + expectedSanction > 0 ? clientWorth / (clientWorth + expectedSanction) : 1;
    const heldBack = Math.exp(-g.brokerReputationResponse * (reputation - g.brokerFraudRate));
    brokers.fraud[b] = Math.min(1, brokers.fraudRate[b] * heldBack * undeterred);
  }
}

/** Each broker's reputation: the mean of what the villages that know him believe of him (NaN when none does). */
function rateReputations(world: World): void {
  const beliefs = world.beliefs.brokers;
  const brokers = world.brokers;
  const sum = new Float64Array(brokers.count);
  const count = new Int32Array(brokers.count);
  for (let s = 0; s < beliefs.broker.length; s++) {
    const b = beliefs.broker[s];
    if (b === NO_ONE) continue;
    sum[b] += beliefs.letDown[s];
    count[b]++;
  }
  for (let b = 0; b < brokers.count; b++) brokers.reputation[b] = count[b] > 0 ? sum[b] / count[b] : NaN;
}
