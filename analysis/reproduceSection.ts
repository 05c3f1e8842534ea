import { escapeHtml } from './escapeHtml.js';

/**
 * The "Reproduce" section that closes a report: the one command that gives
 * the same figures with this version. `what` completes "This command …",
 * e.g. "runs the same scenario with the same seeds".
 */
export function reproduceSection(what: string, version: string, command: string): string {
  return `<section id="reproduce">
<h2>Reproduce</h2>
<p class="note">This command ${escapeHtml(what)} and gives the same figures with migsim ${escapeHtml(version)}.</p>
<pre class="command"><code>${escapeHtml(command)}</code></pre>
</section>`;
}
