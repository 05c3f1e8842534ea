import type { Config } from 'vega-lite';

/** Width in pixels of the plotting area of every chart. */
export const CHART_WIDTH = 480;

/**
 * Shared look of the report's charts: a system sans-serif font (nothing to
 * download), quiet grid lines and readable title sizes.
 */
export const CHART_CONFIG: Config = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
  background: 'white',
  padding: 8,
  title: { fontSize: 15, fontWeight: 600, anchor: 'start', subtitleFontSize: 12, subtitleColor: '#555' },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 500, gridColor: '#e6e6e6', domainColor: '#888', tickColor: '#888' },
  legend: { labelFontSize: 12, titleFontSize: 12, labelLimit: 360, symbolStrokeWidth: 3 },
  view: { stroke: null },
};

/** Colour scheme for options; the same option gets the same colour in every chart. */
export const OPTION_SCHEME = 'tableau10';

/**
 * Vega expression for axis labels: values of a million or more as "2.5M" or
 * "1.2B" (billion), smaller ones in full with thousands separators, so money
 * axes stay short enough to read on a phone.
 */
export const COMPACT_NUMBER_LABEL =
  "abs(datum.value) >= 1e9 ? format(datum.value / 1e9, ',.3~f') + 'B'" +
  " : abs(datum.value) >= 1e6 ? format(datum.value / 1e6, ',.3~f') + 'M'" +
  " : format(datum.value, ',.4~f')";
