import { escapeHtml } from './escapeHtml.js';

/**
 * The "Reproduce" section that closes a report: the one command that gives
 * the same figures with this version. `what` completes "This command …",
 * e.g. "runs the same scenario with the same seeds". The command is
 * `npx migsim …`, which runs the copy of migsim in the project folder it is
 * typed in; the text says so, because elsewhere npx would look the name up
 * in a package registry.
 */
export function reproduceSection(what: string, version: string, command: string): string {
  return `<section id="reproduce">
<h2>Reproduce</h2>
<p class="note">This command ${escapeHtml(what)} and gives the same figures with migsim ${escapeHtml(version)}. Type it in the folder of that version of migsim, after <code>npm install</code>, with the scenario file where it was.</p>
<pre class="command"><code>${escapeHtml(command)}</code></pre>
</section>`;
}
