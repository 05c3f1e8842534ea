import { escapeHtml } from './escapeHtml.js';
import { reproduceSection } from './reproduceSection.js';

/**
 * The end every results page shares: the scenario file as it was read, the
 * command that reproduces the page (see reproduceSection; `what` says what
 * it repeats), and the closing tags.
 */
export function reportEnd(scenarioPath: string, scenarioText: string, what: string, version: string, command: string): string {
  return `<section id="scenario">
<h2>Scenario</h2>
<p class="note">From <code>${escapeHtml(scenarioPath)}</code>.</p>
<pre>${escapeHtml(scenarioText)}</pre>
</section>

${reproduceSection(what, version, command)}
</main>
</body>
</html>
`;
}
