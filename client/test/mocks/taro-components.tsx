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
  'mode',
  'maxlength',
  'onGetPhoneNumber',
  'canvasId',
  'catchMove',
  'showMenuByLongpress',
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
const PlainButton = make('button', 'Button');
/** The code the next tap on a getPhoneNumber button reports (`phoneNumberAllowed`); '' = refused. */
let nextPhoneCode = '';
export function phoneNumberAllowed(code: string): void {
  nextPhoneCode = code;
}
/** The temp file path the next tap on a chooseAvatar button reports (`avatarChosen`). */
let nextAvatarUrl = '';
export function avatarChosen(avatarUrl: string): void {
  nextAvatarUrl = avatarUrl;
}
/**
 * `openType="getPhoneNumber"`: a tap stands for WeChat's consent sheet answering with `nextPhoneCode`;
 * `openType="chooseAvatar"`: for WeChat's avatar sheet answering with `nextAvatarUrl`;
 * `openType="agreePrivacyAuthorization"`: a tap is the agreement.
 */
export const Button = forwardRef<HTMLElement, Props>(function TaroButton(props, ref) {
  const { onGetPhoneNumber, onChooseAvatar, onAgreePrivacyAuthorization, ...rest } = props as Props & {
    onGetPhoneNumber?: (e: { detail: { code?: string } }) => void;
    onChooseAvatar?: (e: { detail: { avatarUrl: string } }) => void;
    onAgreePrivacyAuthorization?: () => void;
  };
  if (onAgreePrivacyAuthorization)
    return createElement(PlainButton, { ...rest, ref, onClick: onAgreePrivacyAuthorization });
  if (onChooseAvatar) {
    return createElement(PlainButton, {
      ...rest,
      ref,
      type: 'button',
      onClick: () => onChooseAvatar({ detail: { avatarUrl: nextAvatarUrl } }),
    });
  }
  if (!onGetPhoneNumber) return createElement(PlainButton, { ...rest, ref });
  return createElement(PlainButton, {
    ...rest,
    ref,
    onClick: () => onGetPhoneNumber({ detail: { code: nextPhoneCode } }),
  });
});
Button.displayName = 'Button';
export const Image = make('img', 'Image');
/** The nickname field shown last; `nicknameReviewed` answers for WeChat's check of what was typed. */
let reviewNickname: ((e: { detail: { pass: boolean; timeout: boolean } }) => void) | undefined;
export function nicknameReviewed(pass: boolean): void {
  reviewNickname?.({ detail: { pass, timeout: false } });
}
/** Taro's Input reports `e.detail.value`; the DOM input event is adapted to that shape (Enter: `onConfirm`). */
export const Input = forwardRef<HTMLInputElement, Props>(function TaroInput(props, ref) {
  const {
    onInput,
    onBlur,
    onConfirm,
    onNickNameReview,
    maxlength: _maxlength,
    type,
    ...rest
  } = props as Props & {
    onInput?: (e: { detail: { value: string } }) => void;
    onBlur?: (e: { detail: { value: string } }) => void;
    onNickNameReview?: typeof reviewNickname;
    onConfirm?: () => void;
    maxlength?: number;
    type?: string;
  };
  if (onNickNameReview) reviewNickname = onNickNameReview;
  return createElement('input', {
    ...rest,
    ref,
    type: type === 'number' ? 'text' : type,
    onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }),
    ...(onBlur ? { onBlur: (e: { target: { value: string } }) => onBlur({ detail: { value: e.target.value } }) } : {}),
    ...(onConfirm ? { onKeyDown: (e: { key: string }) => e.key === 'Enter' && onConfirm() } : {}),
  });
});
Input.displayName = 'Input';
/** Taro's Textarea reports `e.detail.value` too. */
export const Textarea = forwardRef<HTMLTextAreaElement, Props>(function TaroTextarea(props, ref) {
  const {
    onInput,
    maxlength: _maxlength,
    autoHeight: _autoHeight,
    ...rest
  } = props as Props & {
    onInput?: (e: { detail: { value: string } }) => void;
    maxlength?: number;
    autoHeight?: boolean;
  };
  return createElement('textarea', {
    ...rest,
    ref,
    onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }),
  });
});
Textarea.displayName = 'Textarea';
export const ScrollView = make('div', 'ScrollView');
export const Label = make('label', 'Label');
export const Canvas = make('canvas', 'Canvas');
/**
 * Taro's Picker: its children (the field the user taps) plus a stand-in control a test changes
 * (`fireEvent.change(getByTestId('picker-date'), { target: { value: '2026-12-01' } })`), reported
 * as Taro does, `e.detail.value`.
 */
export function Picker(props: Props) {
  const { children, mode, value, start, end, onChange } = props as Props & {
    mode?: string;
    value?: string;
    start?: string;
    end?: string;
    onChange?: (e: { detail: { value: string } }) => void;
  };
  return createElement(
    'div',
    { 'data-picker-mode': mode ?? 'selector' },
    children,
    createElement('input', {
      'data-testid': `picker-${mode ?? 'selector'}`,
      value: value ?? '',
      min: start,
      max: end,
      onChange: (e: { target: { value: string } }) => onChange?.({ detail: { value: e.target.value } }),
    }),
  );
}
