/**
 * The referral poster, pure: templates lay the card's content out as ops (line-break.ts wraps the text),
 * paint.ts draws them on any 2D context. services/poster.ts owns the canvases, saving and sharing.
 */
export type { Measure, PosterContent, PosterLayout, PosterOp, PosterTemplateId } from './types';
export { breakLines, type PosterText } from './line-break';
export { posterContent, type CardForPoster } from './copy';
export { POSTER_WIDTH } from './layout';
export { DEFAULT_POSTER_TEMPLATE, isPosterTemplateId, POSTER_TEMPLATES, posterLayout } from './templates';
export { paintPoster, type PosterCtx, type PosterImages } from './paint';
