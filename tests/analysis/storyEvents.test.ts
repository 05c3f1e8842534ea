import { describe, expect, it } from 'vitest';
import { modelStoryEvents, storyEvents } from '../../analysis/story/storyEvents.js';
import type { AgentSnapshot } from '../../analysis/story/agentSnapshot.js';
import { Status } from '../../sim/model/state/codes.js';
import type { TraceEvent } from '../../sim/model/state/trace.js';

const week = (w: number, status: number): AgentSnapshot => ({
  week: w, day: w * 7, status, region: 'almaty', permit: 0, registration: 0, flags: 0, employer: -1, broker: -1, savings: 0, debt: 0, arrears: 0, wage: 0, bannedUntil: 0,
});

describe('model events in the story', () => {
  it('sums remittances by month and keeps stops, bribes and fines', () => {
    const trace: TraceEvent[] = [
      { week: 1, kind: 'remittance', amount: 10 },
      { week: 2, kind: 'remittance', amount: 20 },
      { week: 3, kind: 'police-stop', how: 'street' },
      { week: 3, kind: 'bribe', amount: 500, how: 'migrant' },
      { week: 3, kind: 'remittance', amount: 5 },
      { week: 6, kind: 'remittance', amount: 7 },
      { week: 6, kind: 'fine', amount: 0 },
      { week: 6, kind: 'departure', region: 'almaty', how: 'alone' },
    ];
    expect(modelStoryEvents(trace)).toEqual([
      { week: 1, kind: 'remittance', amount: 35, toWeek: 3 },
      { week: 3, kind: 'stop', raid: false },
      { week: 3, kind: 'bribe', amount: 500, by: 'migrant' },
      { week: 6, kind: 'fine', amount: 0 },
      { week: 6, kind: 'remittance', amount: 7, toWeek: 6 },
    ]);
  });

  it('puts model events after the state changes of their week', () => {
    const states = [week(0, Status.AtHome), week(1, Status.AtHome), week(2, Status.Abroad), week(3, Status.Abroad)];
    const kinds = storyEvents(states, [{ week: 2, kind: 'police-stop', how: 'raid' }, { week: 2, kind: 'nothing-found' }]).map((e) => e.kind);
    expect(kinds).toEqual(['start-home', 'departure', 'stop', 'nothing-found']);
  });
});
