/**
 * The report's style sheet, inlined in its <head>: system fonts only, a
 * readable measure at desktop widths, charts two by two where they fit and
 * one per row on a phone, and tables that scroll sideways instead of
 * squeezing their numbers.
 */
export const REPORT_CSS = `
:root { --ink: #1f2328; --muted: #5c6370; --line: #e2e5e9; --soft: #f5f7fa; --accent: #2f5d8a; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--ink);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 1200px; margin: 0 auto; padding: 28px 24px 72px; }
h1 { font-size: 1.95rem; line-height: 1.2; margin: 0 0 0.4rem; }
h2 { font-size: 1.35rem; line-height: 1.3; margin: 2.6rem 0 0.9rem; padding-bottom: 0.35rem; border-bottom: 1px solid var(--line); }
p, ul, ol { max-width: 52rem; }
li { margin: 0.25rem 0; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
.question { font-size: 1.15rem; color: var(--muted); margin: 0 0 1.2rem; }
nav.contents { font-size: 0.92rem; margin: 1rem 0; }
nav.contents a { color: var(--accent); text-decoration: none; margin-right: 1rem; white-space: nowrap; }
nav.contents a:hover { text-decoration: underline; }
dl.meta { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 0.7rem 1.5rem;
  margin: 1.2rem 0; padding: 1rem 1.2rem; background: var(--soft); border-radius: 8px; }
dl.meta div { min-width: 0; }
dl.meta dt { font-size: 0.75rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.05em; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; font-variant-numeric: tabular-nums; }
ol.options { padding-left: 1.6rem; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; margin-right: 0.45em; vertical-align: -0.05em; }
.tag { font-size: 0.78rem; color: var(--muted); border: 1px solid var(--line); border-radius: 999px; padding: 0 0.5em; margin-left: 0.4em; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 520px), 1fr)); gap: 28px 24px; }
figure { margin: 0; min-width: 0; }
figure svg { display: block; max-width: 100%; height: auto; }
.table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; margin: 0.8rem 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
th, td { padding: 0.45rem 0.75rem; border-bottom: 1px solid var(--line); text-align: right; vertical-align: top; }
tbody tr:last-child th, tbody tr:last-child td { border-bottom: none; }
thead th { background: var(--soft); font-weight: 600; vertical-align: bottom; }
th[scope="row"], thead th:first-child { text-align: left; font-weight: 500; position: sticky; left: 0; background: #fff; min-width: 12rem; }
thead th:first-child { background: var(--soft); }
.unit { display: block; font-size: 0.78rem; font-weight: 400; color: var(--muted); }
.ci { display: block; font-size: 0.78rem; color: var(--muted); white-space: nowrap; }
td.clear .value { font-weight: 700; }
td.text { text-align: left; overflow-wrap: anywhere; }
pre { background: var(--soft); border-radius: 8px; padding: 1rem 1.2rem; overflow-x: auto; margin: 0.8rem 0;
  font: 0.85rem/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre.command { white-space: pre-wrap; overflow-wrap: anywhere; }
.note { color: var(--muted); font-size: 0.92rem; }
@media (max-width: 640px) {
  body { font-size: 15px; }
  main { padding: 18px 12px 56px; }
  h1 { font-size: 1.5rem; }
  h2 { font-size: 1.2rem; margin-top: 2rem; }
  th[scope="row"], thead th:first-child { min-width: 9rem; }
  th, td { padding: 0.4rem 0.5rem; }
}
@media print {
  main { max-width: none; padding: 0; }
  figure, table { break-inside: avoid; }
}
`;
