/**
 * jsdom stand-ins for `@tarojs/components` (mapped by the client jest project's moduleNameMapper).
 * Each Taro component becomes a plain DOM element; Taro-only props are dropped, `data-*`, `className`
 * and `onClick` pass through, so tests see what the H5 build renders.
 */
import { createElement, forwardRef, type ReactNode } from 'react';

type Props = { children?: ReactNode; [prop: string]: unknown };

const TARO_ONLY_PROPS = new Set([
  'hoverClass',
  'hoverStartTime',
  'hoverStayTime',
  'hoverStopPropagation',
  'selectable',
  'userSelect',
  'decode',
  'space',
  'formType',
  'openType',
  'plain',
  'size',
  'loading',
]);

function make(tag: string, displayName: string) {
  const Component = forwardRef<HTMLElement, Props>(function TaroStandIn(props, ref) {
    const domProps: Record<string, unknown> = { ref };
    for (const [key, value] of Object.entries(props)) {
      if (!TARO_ONLY_PROPS.has(key)) domProps[key] = value;
    }
    return createElement(tag, domProps);
  });
  Component.displayName = displayName;
  return Component;
}

export const View = make('div', 'View');
export const Text = make('span', 'Text');
export const Button = make('button', 'Button');
export const Image = make('img', 'Image');
export const Input = make('input', 'Input');
export const ScrollView = make('div', 'ScrollView');
export const Label = make('label', 'Label');
