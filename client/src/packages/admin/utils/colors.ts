/** The chart palette: the theme's colours (styles/_theme.scss) as canvas colours. */
export const CHART_COLORS = {
  brand: '#c2456b',
  brandDark: '#9e2f53',
  brandSoft: '#f3c5d3',
  amber: '#d98c2b',
  success: '#2e7d32',
  ink: '#2b2326',
  inkSoft: '#6f6368',
  line: '#eee4e7',
} as const;

/**
 * One font family only: WeChat's canvas has dropped text (iOS) or crashed (Android) on a font list, and
 * a single generic family lets the system pick its Chinese face (PingFang, Noto Sans CJK …).
 */
export const CHART_FONT_FAMILY = 'sans-serif';
