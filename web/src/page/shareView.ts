import { changedLevers } from '../leverSchedule.js';
import { settingsHash } from '../shareLink.js';
import type { Page } from './context.js';

/**
 * Writes the page's settings into its address (so reloading or sharing it
 * reopens them) and into the link field students copy.
 */
export function updateShareLink(page: Page, defaultReplicates: number): void {
  const { state, ui } = page;
  const option = state.entry.scenario.options[state.option];
  const changed = Object.fromEntries(changedLevers(option, state.levers, state.values).map((lever) => [lever.param, state.values[lever.param]]));
  const hash = settingsHash({
    scenario: state.entry.key,
    option: state.option,
    changed,
    seed: Number(ui.seed.value) || 0,
    replicates: Number(ui.replicates.value) || defaultReplicates,
    language: state.translator.language,
    ...(state.follow ? { follow: state.follow } : {}),
  });
  history.replaceState(null, '', hash);
  ui.shareLink.value = location.href;
  ui.replicateAdvice.hidden = Number(ui.replicates.value) >= 2;
}
