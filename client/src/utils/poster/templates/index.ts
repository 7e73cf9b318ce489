/** The poster templates the card page offers, in chip order. */
import type { Measure, PosterContent, PosterLayout, PosterTemplateId } from '../types';
import { blossomLayout } from './blossom';
import { giftLayout } from './gift';
import { simpleLayout } from './simple';

export interface PosterTemplate {
  id: PosterTemplateId;
  label: string;
  layout: (content: PosterContent, measure: Measure) => PosterLayout;
}

export const POSTER_TEMPLATES: readonly PosterTemplate[] = [
  { id: 'simple', label: '简约', layout: simpleLayout },
  { id: 'gift', label: '礼遇', layout: giftLayout },
  { id: 'blossom', label: '花漾', layout: blossomLayout },
];

export const DEFAULT_POSTER_TEMPLATE: PosterTemplateId = 'gift';

export function isPosterTemplateId(value: unknown): value is PosterTemplateId {
  return POSTER_TEMPLATES.some((t) => t.id === value);
}

export function posterLayout(id: PosterTemplateId, content: PosterContent, measure: Measure): PosterLayout {
  const template = POSTER_TEMPLATES.find((t) => t.id === id) ?? (POSTER_TEMPLATES[0] as PosterTemplate);
  return template.layout(content, measure);
}
