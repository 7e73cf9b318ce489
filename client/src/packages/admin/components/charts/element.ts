import { jsx } from '@antv/f2';

/** What a chart draws: an F2 element tree (no JSX transform needed: F2's JSX is not React's). */
export type F2Element = ReturnType<typeof jsx>;

/**
 * F2's `jsx(type, props, ...children)` with the component type loosened: F2's generic chart classes
 * (Chart<TRecord>, Line<TRecord> …) do not fit its own `ElementType` under `strict`.
 */
export function el(type: unknown, props: object | null, ...children: unknown[]): F2Element {
  return jsx(type as Parameters<typeof jsx>[0], props, ...children);
}
