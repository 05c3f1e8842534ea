import { SECTORS } from '../../../sim/model/params/places.js';
import { Status } from '../../../sim/model/state/codes.js';
import { agentCount } from '../../../sim/model/params/agentCount.js';
import { el } from '../dom.js';
import { formatQuantity } from '../i18n/formatNumbers.js';
import type { MessageKey } from '../i18n/en.js';
import { EVENT_MECHANISM, storyEvents, type StoryEvent } from '../../../analysis/story/storyEvents.js';
import type { TraceRequest } from '../settings.js';
import type { Page } from './context.js';
import { placeName } from './labels.js';


/** The choices of whom to follow: nobody, a random migrant of each origin in each region the scenario uses, or an agent by number. */
export function fillFollowSelect(page: Page): void {
  const { state, ui } = page;
  const tr = state.translator;
  const current = followValue(state.follow);
  const choices: [string, string][] = [['none', '—']];
  for (const origin of state.use.origins) {
    for (const region of state.use.regions) {
      choices.push([`${origin},${region}`, tr.t('story.pickRandom', { origin: tr.t(`origin.${origin}` as MessageKey), region: placeName(region, tr) })]);
    }
  }
  choices.push(['agent', tr.t('story.pickAgent')]);
  ui.follow.replaceChildren(...choices.map(([value, label]) => el('option', { value, selected: value === current }, label)));
  if (!choices.some(([value]) => value === current)) ui.follow.value = 'none';
  const agents = agentCount(state.entry.scenario.options[0].params);
  ui.followAgentLabel.textContent = tr.t('story.agentLabel', { max: Math.max(0, agents - 1) });
  ui.followAgent.max = String(Math.max(0, agents - 1));
  ui.followAgentRow.hidden = ui.follow.value !== 'agent';
  if (state.follow && 'agent' in state.follow) ui.followAgent.value = String(state.follow.agent);
}

function followValue(follow: TraceRequest | undefined): string {
  if (follow === undefined) return 'none';
  return 'agent' in follow ? 'agent' : `${follow.origin},${follow.region}`;
}

/** Reads whom to follow from the controls. */
export function readFollow(page: Page): TraceRequest | undefined {
  const { ui } = page;
  ui.followAgentRow.hidden = ui.follow.value !== 'agent';
  if (ui.follow.value === 'none') return undefined;
  if (ui.follow.value === 'agent') {
    const agent = Number(ui.followAgent.value || '0');
    return { agent: Number.isSafeInteger(agent) && agent >= 0 ? agent : 0 };
  }
  const [origin, region] = ui.follow.value.split(',');
  return { origin, region };
}

/** One story event in the page's language. */
export function eventText(page: Page, event: StoryEvent, origin: string): string {
  const tr = page.state.translator;
  const currency = page.state.run?.currency ?? page.state.use.currency;
  const money = (value: number) => formatQuantity(value, 'currency', currency, tr);
  switch (event.kind) {
    case 'start-home':
      return tr.t('story.start.home', { origin: placeName(origin, tr), savings: money(event.savings) });
    case 'start-abroad':
      return tr.t('story.start.abroad', { region: placeName(event.region, tr) });
    case 'departure':
      return tr.t('story.departure', { origin: placeName(origin, tr), region: placeName(event.region, tr) });
    case 'broker':
      return tr.t('story.broker');
    case 'broker-end':
      return tr.t('story.brokerEnd');
    case 'registered':
      return tr.t('story.registered', { how: tr.t(`registration.${event.how}` as MessageKey) });
    case 'registration-lost':
      return tr.t('story.registrationLost');
    case 'permit':
      return tr.t('story.permit', { kind: tr.t(`permit.${event.document}` as MessageKey) });
    case 'permit-lost':
      return tr.t('story.permitLost');
    case 'legal':
      return tr.t('story.legal');
    case 'irregular':
      return tr.t('story.irregular');
    case 'job':
      return tr.t('story.job', { formal: tr.t(event.formal ? 'story.formal' : 'story.informal'), wage: money(event.wage) });
    case 'job-lost':
      return tr.t('story.jobLost');
    case 'passport':
      return tr.t('story.passport');
    case 'passport-back':
      return tr.t('story.passportBack');
    case 'withheld':
      return tr.t('story.withheld', { amount: money(event.amount) });
    case 'registry':
      return tr.t('story.registry');
    case 'registry-off':
      return tr.t('story.registryOff');
    case 'detained':
      return tr.t('story.detained');
    case 'removed':
      return tr.t('story.removed', { week: event.untilWeek });
    case 'moved':
      return tr.t('story.moved', { region: placeName(event.region, tr) });
    case 'returned':
      return tr.t('story.returned', { savings: money(event.savings) });
    case 'stop':
      return tr.t(event.raid ? 'story.stop.raid' : 'story.stop.street');
    case 'nothing-found':
      return tr.t('story.nothingFound');
    case 'bribe':
      return tr.t(event.by === 'migrant' ? 'story.bribe' : `story.bribe.${event.by}`, { amount: money(event.amount) });
    case 'fine':
      return event.amount > 0 ? tr.t('story.fine', { amount: money(event.amount) }) : tr.t('story.fineUnpaid');
    case 'broker-fee':
      return tr.t('story.brokerFee', { amount: money(event.amount) });
    case 'fraud':
      return tr.t('story.fraud');
    case 'fake-document':
      return tr.t('story.fakeDocument', { amount: money(event.amount) });
    case 'permit-paid':
      return tr.t('story.permitPaid', { amount: money(event.amount) });
    case 'arrears-paid':
      return tr.t('story.arrearsPaid', { amount: money(event.amount) });
    case 'remittance':
      return tr.t('story.remittance', { amount: money(event.amount) });
    case 'aged-out':
      return tr.t('story.agedOut');
  }
}

/** The followed migrant's timeline so far, each event linked to the part of "How it works" that explains it. */
export function renderStory(page: Page): void {
  const { state, ui } = page;
  const tr = state.translator;
  const run = state.run;
  if (!run || !run.results.jobs.some((job) => job.trace)) {
    ui.story.replaceChildren(el('li', { class: 'muted' }, tr.t('story.none')));
    return;
  }
  const agent = run.traced;
  if (!agent || run.story.length === 0) {
    ui.story.replaceChildren(el('li', { class: 'muted' }, tr.t('story.waiting')));
    return;
  }
  const items: HTMLElement[] = [];
  if (agent.unmatched) {
    items.push(el('li', { class: 'muted' }, tr.t('story.nobodyMatched', { origin: tr.t(`origin.${agent.unmatched.origin}` as MessageKey), region: placeName(agent.unmatched.region, tr) })));
  }
  items.push(
    el(
      'li',
      { class: 'story-who' },
      tr.t('story.who', { agent: agent.agent, origin: placeName(agent.origin, tr), sector: tr.t(`sector.${SECTORS[agent.sector] ?? SECTORS[0]}` as MessageKey) }),
    ),
  );
  for (const event of storyEvents(run.story, run.traceEvents)) {
    items.push(
      el(
        'li',
        { 'data-testid': 'story-event', 'data-kind': event.kind, 'data-week': event.week },
        el('span', { class: 'story-week' }, tr.t('story.week', { week: event.week })),
        ' ',
        eventText(page, event, agent.origin),
        ' ',
        el('a', { href: `#mechanism-${EVENT_MECHANISM[event.kind]}`, class: 'story-link' }, `(${tr.t('story.explain')})`),
      ),
    );
  }
  const last = run.story.at(-1)!;
  if (run.finished && last.week === run.results.weeks) {
    const currency = run.currency;
    const money = (value: number) => formatQuantity(value, 'currency', currency, tr);
    const place = last.status === Status.AtHome ? tr.t('story.atHome') : placeName(run.story.length > 0 ? last.region : '', tr);
    items.push(el('li', { class: 'story-end' }, tr.t('story.end', { place, savings: money(last.savings), debt: money(last.debt) })));
  }
  ui.story.replaceChildren(...items);
}
