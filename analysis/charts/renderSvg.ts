import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Renders a Vega-Lite spec to an SVG string in Node, without a browser or a
 * canvas (Vega estimates text widths itself).
 *
 * Vega numbers clip paths and gradients with counters shared by the whole
 * process; they are renamed here to `<idPrefix>-1`, `<idPrefix>-2`, … so the
 * same spec always gives the same text and several SVGs can share one page.
 *
 * Cost: that of Vega's layout and rendering, O(data) for these charts.
 */
export async function renderSvg(spec: TopLevelSpec, idPrefix = 'chart'): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return renameIds(svg, idPrefix);
  } finally {
    view.finalize();
  }
}

function renameIds(svg: string, idPrefix: string): string {
  const renamed = new Map<string, string>();
  for (const match of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (!renamed.has(match[1])) renamed.set(match[1], `${idPrefix}-${renamed.size + 1}`);
  }
  if (renamed.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (_all, start: string, id: string, end: string) => `${start}${renamed.get(id) ?? id}${end}`)
    .replace(/url\(#([^)]+)\)/g, (all, id: string) => {
      const name = renamed.get(id);
      return name === undefined ? all : `url(#${name})`;
    })
    .replace(/(href=")#([^"]+)(")/g, (all, start: string, id: string, end: string) => {
      const name = renamed.get(id);
      return name === undefined ? all : `${start}#${name}${end}`;
    });
}
