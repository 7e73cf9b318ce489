/**
 * H5-only demo sign-in against the local development gateway.
 *
 * In the browser there is no WeChat identity, so the developer (or a browser test) picks one of the
 * seeded demo people; its openid travels in the `X-Demo-Openid` header of every function call.
 * Every function body is guarded by `process.env.TARO_ENV === 'h5'`, which the build replaces with
 * a literal, so none of this (URLs, header name) exists in the weapp package.
 */
import Taro from '@tarojs/taro';
import * as z from 'zod/mini';
import type { Result } from '@clinic/shared';

export const DEMO_KINDS = ['customer', 'newcomer', 'staff', 'manager'] as const;
export type DemoKind = (typeof DEMO_KINDS)[number];

/** Display names of the kinds, in display order. */
export const DEMO_KIND_LABELS: Record<DemoKind, string> = {
  customer: '老客',
  newcomer: '新客',
  staff: '员工',
  manager: '管理者',
};

export const demoIdentitySchema = z.object({
  openid: z.string().check(z.minLength(1), z.maxLength(128)),
  name: z.string(),
  kind: z.enum(DEMO_KINDS),
  label: z.string(),
  /** Masked (`130****1966`): only whether there is one matters (identity.ts, demoPhoneCode). */
  phone: z.optional(z.string().check(z.maxLength(20))),
});
export type DemoIdentity = z.infer<typeof demoIdentitySchema>;

const STORAGE_KEY = 'clinic.demoIdentity';

/** Loads the demo people from `GET /api/demo/identities`. */
export async function fetchDemoIdentities(): Promise<Result<DemoIdentity[]>> {
  if (process.env.TARO_ENV !== 'h5') return { ok: true, data: [] };
  let body: unknown;
  try {
    const res = await fetch('/api/demo/identities', { headers: { accept: 'application/json' } });
    if (!res.ok) {
      return { ok: false, code: 'NETWORK', message: `演示身份加载失败（HTTP ${res.status}），请确认本地服务已启动` };
    }
    body = await res.json();
  } catch {
    return { ok: false, code: 'NETWORK', message: '网络不可用，请稍后重试' };
  }
  const parsed = z.array(demoIdentitySchema).safeParse(body);
  if (!parsed.success) return { ok: false, code: 'BAD_RESPONSE', message: '演示身份数据格式有误' };
  return { ok: true, data: parsed.data };
}

/** The identity chosen earlier on this browser, if any. */
export function getCurrentIdentity(): DemoIdentity | null {
  if (process.env.TARO_ENV !== 'h5') return null;
  try {
    const parsed = demoIdentitySchema.safeParse(Taro.getStorageSync(STORAGE_KEY));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The openid sent as `X-Demo-Openid`, or null before anyone is chosen. */
export function getDemoOpenid(): string | null {
  if (process.env.TARO_ENV !== 'h5') return null;
  return getCurrentIdentity()?.openid ?? null;
}

export function setCurrentIdentity(identity: DemoIdentity): void {
  if (process.env.TARO_ENV !== 'h5') return;
  Taro.setStorageSync(STORAGE_KEY, identity);
}

export function clearCurrentIdentity(): void {
  if (process.env.TARO_ENV !== 'h5') return;
  Taro.removeStorageSync(STORAGE_KEY);
}

/** Groups identities by kind in display order (老客, 新客, 员工, 管理者), leaving out empty groups. */
export function groupByKind(identities: DemoIdentity[]): { kind: DemoKind; label: string; items: DemoIdentity[] }[] {
  return DEMO_KINDS.map((kind) => ({
    kind,
    label: DEMO_KIND_LABELS[kind],
    items: identities.filter((i) => i.kind === kind),
  })).filter((g) => g.items.length > 0);
}
