/**
 * The demo people of the local cloud: whom a developer (or a browser test) can act as in H5, by
 * sending their openid as `X-Demo-Openid`. The demo clinic (`demo-clinic.ts`) stores the customers
 * and staff below under these openids; the newcomers exist only as openids (nobody has filed them).
 */
import type { Department, ManagerKind, StaffPost, StarLevel } from '@clinic/shared';

export type DemoIdentityKind = 'customer' | 'newcomer' | 'staff' | 'manager';

export interface DemoIdentity {
  openid: string;
  name: string;
  kind: DemoIdentityKind;
  /** Chinese, shown in the H5 identity picker, e.g. "老客 · 王丽（4★）". */
  label: string;
  /**
   * The number of this person's (emulated) WeChat account: what phonenumber.getPhoneNumber answers
   * for the code `demo_account_phone` that the H5 demo sign-in sends. The seed record's real phone
   * for demo customers, a fixed number (170…, a prefix the seed never generates) otherwise.
   * GET /api/demo/identities lists it masked.
   */
  phone?: string;
}

/** Openids of the platform are opaque; ours stay inside this pattern. */
export const DEMO_OPENID_RE = /^[A-Za-z0-9_-]{1,64}$/;

export const DEMO_CHAIN_ID = 'chain-yuemei';

export type DemoStoreId = 'store-1' | 'store-2';
export const DEMO_STORE_SHORT_NAMES: Record<DemoStoreId, string> = { 'store-1': '一店', 'store-2': '二店' };

/** Golden-time window ids of the default settings (months since the last treatment: 1–3, 4–11, 12+). */
export type DemoGoldenWindowId = 'peak' | 'golden' | 'late';

export interface DemoCustomerProfile {
  openid: string;
  id: string;
  name: string;
  storeId: DemoStoreId;
  starLevel: StarLevel;
  satisfaction: 1 | 2 | 3 | 4 | 5;
  segment: 'vip' | 'important' | 'high_satisfaction' | 'bargain' | 'general';
  hasReferred: boolean;
  /** Days between the last treatment and `now` (Shanghai calendar days); places them in a window. */
  daysSinceLastTreatment: number;
  window: DemoGoldenWindowId;
  /** Product of the last treatment (a `products` id of the demo clinic). */
  lastProductId: string;
  /** Staff member (by demo openid) who owns this old customer. */
  ownerOpenid: string;
  /** The phone the seed gives this customer (deterministic; a seed test keeps them in step). */
  phone: string;
}

export interface DemoStaffProfile {
  openid: string;
  id: string;
  name: string;
  storeId: DemoStoreId;
  post: StaffPost;
  department: Department;
  managerKind?: ManagerKind;
  label: string;
  /** Fixed demo sign-in phone (170…; the seed gives staff records other numbers). */
  demoPhone: string;
}

/**
 * One demo staff member for every post (STAFF_POSTS), spread over both stores, plus the
 * 四部回访组 verification group; then the managers (store manager per store, channel lead, GM).
 * Managers still need a post and a department in the staff record: store managers and the GM sit
 * with the consultants (咨询部), the channel lead with 客服二部, which runs the referral channel.
 */
export const DEMO_STAFF: readonly DemoStaffProfile[] = [
  {
    openid: 'demo-staff-consultant-1',
    id: 'staff-s1-consultant-1',
    name: '陈静',
    storeId: 'store-1',
    post: 'consultant',
    department: 'cs2',
    label: '咨询师 · 陈静（一店）',
    demoPhone: '17000000101',
  },
  {
    openid: 'demo-staff-butler-service-1',
    id: 'staff-s1-butler-1',
    name: '孙悦',
    storeId: 'store-1',
    post: 'butler_service',
    department: 'cs2',
    label: '管家客服 · 孙悦（一店）',
    demoPhone: '17000000102',
  },
  {
    openid: 'demo-staff-onsite-service-1',
    id: 'staff-s1-onsite-1',
    name: '杨柳',
    storeId: 'store-1',
    post: 'onsite_service',
    department: 'cs3',
    label: '现场客服 · 杨柳（一店）',
    demoPhone: '17000000103',
  },
  {
    openid: 'demo-staff-nurse-1',
    id: 'staff-s1-nurse-1',
    name: '林晓',
    storeId: 'store-1',
    post: 'nurse',
    department: 'medical',
    label: '护理师 · 林晓（一店）',
    demoPhone: '17000000104',
  },
  {
    openid: 'demo-staff-followup-1',
    id: 'staff-s1-followup-1',
    name: '赵敏',
    storeId: 'store-1',
    post: 'call_centre',
    department: 'cs4_followup',
    label: '四部回访组 · 赵敏（一店）',
    demoPhone: '17000000105',
  },
  {
    openid: 'demo-staff-membership-centre-1',
    id: 'staff-s2-membership-1',
    name: '朱婷',
    storeId: 'store-2',
    post: 'membership_centre',
    department: 'cs3',
    label: '会员中心 · 朱婷（二店）',
    demoPhone: '17000000106',
  },
  {
    openid: 'demo-staff-call-centre-1',
    id: 'staff-s2-call-1',
    name: '秦雯',
    storeId: 'store-2',
    post: 'call_centre',
    department: 'cs4',
    label: '呼叫中心 · 秦雯（二店）',
    demoPhone: '17000000107',
  },
  {
    openid: 'demo-staff-doctor-assistant-1',
    id: 'staff-s2-assistant-1',
    name: '韩梅',
    storeId: 'store-2',
    post: 'doctor_assistant',
    department: 'medical',
    label: '医助 · 韩梅（二店）',
    demoPhone: '17000000108',
  },
  {
    openid: 'demo-staff-technician-1',
    id: 'staff-s2-technician-1',
    name: '曹颖',
    storeId: 'store-2',
    post: 'technician',
    department: 'medical',
    label: '技师 · 曹颖（二店）',
    demoPhone: '17000000109',
  },
  {
    openid: 'demo-manager-store-1',
    id: 'staff-s1-manager',
    name: '高峰',
    storeId: 'store-1',
    post: 'consultant',
    department: 'consulting',
    managerKind: 'store_manager',
    label: '店长 · 一店',
    demoPhone: '17000000110',
  },
  {
    openid: 'demo-manager-store-2',
    id: 'staff-s2-manager',
    name: '彭涛',
    storeId: 'store-2',
    post: 'consultant',
    department: 'consulting',
    managerKind: 'store_manager',
    label: '店长 · 二店',
    demoPhone: '17000000111',
  },
  {
    openid: 'demo-manager-channel',
    id: 'staff-channel-lead',
    name: '许晴',
    storeId: 'store-1',
    post: 'membership_centre',
    department: 'cs2',
    managerKind: 'channel_lead',
    label: '渠道负责人 · 许晴',
    demoPhone: '17000000112',
  },
  {
    openid: 'demo-manager-gm',
    id: 'staff-general-manager',
    name: '宋志远',
    storeId: 'store-1',
    post: 'consultant',
    department: 'consulting',
    managerKind: 'general_manager',
    label: '总经理 · 宋志远',
    demoPhone: '17000000113',
  },
];

/** Three old customers: different star levels, and each in a different golden-time window. */
export const DEMO_CUSTOMERS: readonly DemoCustomerProfile[] = [
  {
    openid: 'demo-customer-wangli',
    id: 'cust-0001',
    phone: '13006181966',
    name: '王丽',
    storeId: 'store-1',
    starLevel: 4,
    satisfaction: 5,
    segment: 'important',
    hasReferred: false,
    daysSinceLastTreatment: 24,
    window: 'peak',
    lastProductId: 'product-eyes',
    ownerOpenid: 'demo-staff-consultant-1',
  },
  {
    openid: 'demo-customer-liufang',
    id: 'cust-0002',
    phone: '17618674536',
    name: '刘芳',
    storeId: 'store-1',
    starLevel: 5,
    satisfaction: 4,
    segment: 'vip',
    hasReferred: true,
    daysSinceLastTreatment: 150,
    window: 'golden',
    lastProductId: 'product-hyaluronic-acid',
    ownerOpenid: 'demo-staff-butler-service-1',
  },
  {
    openid: 'demo-customer-zhangmin',
    id: 'cust-0003',
    phone: '17278012229',
    name: '张敏',
    storeId: 'store-2',
    starLevel: 2,
    satisfaction: 3,
    segment: 'general',
    hasReferred: false,
    daysSinceLastTreatment: 420,
    window: 'late',
    lastProductId: 'product-spot-removal',
    ownerOpenid: 'demo-staff-membership-centre-1',
  },
];

/** New customers: nobody has filed them; they arrive through a referral card or the mini-program. */
export const DEMO_NEWCOMERS: readonly { openid: string; name: string; phone: string }[] = [
  { openid: 'demo-newcomer-1', name: '林小雨', phone: '17000000001' },
  { openid: 'demo-newcomer-2', name: '苏晴', phone: '17000000002' },
];

export const DEMO_IDENTITIES: DemoIdentity[] = [
  ...DEMO_CUSTOMERS.map((c) => ({
    openid: c.openid,
    name: c.name,
    kind: 'customer' as const,
    label: `老客 · ${c.name}（${c.starLevel}★）`,
    phone: c.phone,
  })),
  ...DEMO_NEWCOMERS.map((n) => ({
    openid: n.openid,
    name: n.name,
    kind: 'newcomer' as const,
    label: `新客 · ${n.name}`,
    phone: n.phone,
  })),
  ...DEMO_STAFF.map((s) => ({
    openid: s.openid,
    name: s.name,
    kind: s.managerKind ? ('manager' as const) : ('staff' as const),
    label: s.label,
    phone: s.demoPhone,
  })),
];
