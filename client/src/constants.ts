/** Placeholder clinic identity until clinic settings are loaded from the cloud. */
export const CLINIC_NAME = '悦美医疗美容';
export const CLINIC_TAGLINE = '老带新 · 好友同享美丽';
/** Brand colour; keep in sync with `$brand` in styles/_theme.scss and the navigation bar colour. */
export const BRAND_COLOR = '#c2456b';
