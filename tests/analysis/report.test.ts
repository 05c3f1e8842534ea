import { describe, expect, it } from 'vitest';
import { compareOptions } from '../../analysis/compareOptions.js';
import { KEY_INDICATORS } from '../../analysis/keyIndicators.js';
import { buildReport, type ReportInput } from '../../analysis/report.js';
import { summarise } from '../../analysis/summarise.js';
import { runFromWeeks, seededUniform } from './syntheticRuns.js';

function reportInput(): ReportInput {
  const noise = seededUniform(3);
  const options = ['Quota as now', 'Amnesty & <open> "door"', 'No quota'];
  const runs = options.flatMap((option, index) =>
    [0, 1, 2].map((replicate) =>
      runFromWeeks(
        option,
        replicate,
        Array.from({ length: 9 }, (_, week) => ({
          abroad: 1000 + 40 * week * (index + 1) + 10 * noise(),
          legal: 600 + 10 * week + 5 * noise(),
          irregular: 400 + 30 * week * index + 5 * noise(),
          removals: week === 0 ? 0 : 3 + noise(),
          remittances: week === 0 ? 0 : 2e6 * (1 + 0.1 * index) + 1e4 * noise(),
          quota: index === 2 ? NaN : 50000,
        })),
      ),
    ),
  );
  return {
    title: 'Lifting the quota <draft>',
    question: 'What happens to irregular stay if the quota goes?',
    scenarioPath: 'scenarios/quota.yaml',
    scenarioText: 'name: quota\noptions:\n  - name: "No quota"\n    quota: null # <none>\n',
    options,
    runs,
    summary: summarise(runs, options),
    comparison: compareOptions(runs, options),
    differingParameters: [{ name: 'quota.yearly', values: [50000, 50000, 'none'] }, { name: 'amnesty', values: [false, true, false] }],
    reproduceCommand: 'migsim run scenarios/quota.yaml --seed 42 --replicates 3',
    version: '0.1.0',
    seed: 42,
    replicates: 3,
    years: 1,
    scale: 250,
    currency: 'RUB',
  };
}

describe('buildReport', () => {
  it('makes a page that loads nothing from the network', async () => {
    const { html } = await buildReport(reportInput());
    expect(html).not.toMatch(/src="http/i);
    expect(html).not.toMatch(/href="http/i);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(http/i);
  });

  it('names every option, escaped', async () => {
    const { html } = await buildReport(reportInput());
    expect(html).toContain('Quota as now');
    expect(html).toContain('No quota');
    expect(html).toContain('Amnesty &amp; &lt;open&gt; &quot;door&quot;');
    expect(html).not.toContain('<open>');
  });

  it('leaves out, and names, the indicators that are zero or empty in every run', async () => {
    const { html } = await buildReport(reportInput());
    expect(html).not.toContain('id="chart-on_registry"');
    expect(html).toMatch(/Left out because they are zero or empty in every run of this scenario: [^<]*on the control registry/);
  });

  it('inlines a chart for each key indicator that takes a value, and the differences chart, and returns them as files', async () => {
    const { html, svgs } = await buildReport(reportInput());
    const given = ['abroad', 'legal', 'irregular', 'removals', 'remittances'];
    expect([...svgs.keys()]).toEqual([...KEY_INDICATORS.filter((name) => given.includes(name)).map((name) => `${name}.svg`), 'differences.svg']);
    for (const svg of svgs.values()) {
      expect(svg.startsWith('<svg')).toBe(true);
      expect(html).toContain(svg);
    }
  });

  it('shows the title, question, parameters, scenario text and reproduce command, escaped', async () => {
    const { html } = await buildReport(reportInput());
    expect(html).toContain('<h1>Lifting the quota &lt;draft&gt;</h1>');
    expect(html).toContain('What happens to irregular stay if the quota goes?');
    expect(html).toContain('<code>quota.yearly</code>');
    expect(html).toContain('quota: null # &lt;none&gt;');
    expect(html).toContain('migsim run scenarios/quota.yaml --seed 42 --replicates 3');
    expect(html).toContain('95% t-interval');
  });

  it('gives byte-identical output for the same input', async () => {
    const first = await buildReport(reportInput());
    const second = await buildReport(reportInput());
    expect(second.html).toBe(first.html);
    expect([...second.svgs]).toEqual([...first.svgs]);
  });

  it('needs one parameter value per option', async () => {
    const input = { ...reportInput(), differingParameters: [{ name: 'amnesty', values: [true] }] };
    await expect(buildReport(input)).rejects.toThrow('buildReport requires one value per option for parameter "amnesty"');
  });

  it('says there is nothing to compare when there is one option', async () => {
    const base = reportInput();
    const runs = base.runs.filter((run) => run.option === 'Quota as now');
    const options = ['Quota as now'];
    const { html, svgs } = await buildReport({
      ...base,
      options,
      runs,
      summary: summarise(runs, options),
      comparison: [],
      differingParameters: [],
    });
    expect(svgs.has('differences.svg')).toBe(false);
    expect(html).toContain('nothing to compare');
  });
});
