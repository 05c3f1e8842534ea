import { describe, expect, it } from 'vitest';
import { AGRICULTURE } from '../../sim/model/params/places.js';
import { simulate } from '../../sim/model/simulate.js';
import { dayOfYear, DAYS_PER_WEEK, monthOfYear, monthToWeek, yearOfWeek, yearStartWeek } from '../../sim/model/time.js';
import { baseOption, optionInput } from '../helpers/model.js';

/**
 * One calendar of 365.25-day years for timeline months, quota years and
 * farm seasons: the quota year opens in the week that holds 1 January, the
 * week in which a month-12 event applies.
 */
describe('the calendar', () => {
  it('begins years 1, 2, 5 and 7 in weeks 52, 104, 260 and 365 (a 53-week year about once in seven)', () => {
    expect([1, 2, 5, 7].map(yearStartWeek)).toEqual([52, 104, 260, 365]);
  });

  it('begins each year in the week that holds its 1 January, where a month-12k event applies, for past and future years', () => {
    for (let year = -10; year <= 40; year++) {
      const week = yearStartWeek(year);
      expect(monthToWeek(12 * year), `year ${year}`).toBe(week);
      expect(yearOfWeek(week), `year ${year}`).toBe(year);
      expect(yearOfWeek(week - 1), `year ${year}`).toBe(year - 1);
      // Day 0 of the horizon is 1 January: the year's first instant falls inside the week.
      const first = week * DAYS_PER_WEEK;
      expect(first <= year * 365.25 && year * 365.25 < first + DAYS_PER_WEEK, `year ${year}`).toBe(true);
    }
  });

  it('reads days of the year the same way before and after day 0', () => {
    expect(dayOfYear(-1)).toBeCloseTo(364.25, 12);
    expect(dayOfYear(365.25 * 3 + 10)).toBeCloseTo(10, 12);
    expect(monthOfYear(-1)).toBe(11);
  });

  it('opens quota years and farm seasons on the same calendar over seven years of a run', () => {
    // 1,000 agents and small firms (about 100 employers, a quarter of them farms), seven years without burn-in; the business cycle held still, so that a farm in season offers all its jobs.
    const input = optionInput(baseOption('kazakhstan-2008'), 'calendar', 370, {
      'economy.cycle_sd': 0,
      'population.potential_migrants': 20_000,
      scale: 20,
      'labour.employer_size': 5,
      'population.burn_in_weeks': 0,
    });
    const opened: number[] = [];
    const farmsInSeason: number[] = [];
    simulate({
      ...input,
      onWeek: (week, _rows, world) => {
        if (week > 0 && world.quotaYearStart === week) opened.push(week);
        const e = world.employers;
        let farms = 0;
        let inSeason = 0;
        for (let k = 0; k < e.count; k++) {
          if (e.sector[k] !== AGRICULTURE) continue;
          farms++;
          if (e.demand[k] === e.jobs[k]) inSeason++;
        }
        farmsInSeason.push(inSeason / farms);
      },
    });
    expect(opened).toEqual([1, 2, 3, 4, 5, 6, 7].map(yearStartWeek));
    // Every farm is in season in mid-July, and few in the week of 1 January (seasons end within 12 weeks of 1 November), in every year.
    for (let year = 0; year < 7; year++) {
      expect(farmsInSeason[yearStartWeek(year) + 28], `year ${year}`).toBe(1);
      expect(farmsInSeason[yearStartWeek(year)], `year ${year}`).toBeLessThan(0.5);
    }
  });
});
