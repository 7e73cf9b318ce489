import * as z from 'zod/mini';
import { labelCodes } from './primitives';

/** Staff posts (岗位), docs/business-rules.md §1. Every post that meets customers is responsible for referrals (§4). */
export const STAFF_POSTS = {
  onsite_service: '现场客服',
  butler_service: '管家客服',
  membership_centre: '会员中心',
  call_centre: '呼叫中心',
  doctor_assistant: '医助',
  technician: '技师',
  nurse: '护理师',
  consultant: '咨询师',
} as const;
export type StaffPost = keyof typeof STAFF_POSTS;
export const staffPostSchema = z.enum(labelCodes(STAFF_POSTS));

/** Customer-service departments that own existing customers; cs4_followup is 四部回访组, the verification group. */
export const DEPARTMENTS = {
  cs2: '客服二部',
  cs3: '客服三部',
  cs4: '客服四部',
  cs4_followup: '四部回访组',
  consulting: '咨询部',
  medical: '医疗部',
} as const;
export type Department = keyof typeof DEPARTMENTS;
export const departmentSchema = z.enum(labelCodes(DEPARTMENTS));

/** Manager scope (docs/business-rules.md §1): store manager sees one store, general manager the whole chain. */
export const MANAGER_KINDS = {
  store_manager: '店长',
  channel_lead: '渠道负责人',
  general_manager: '总经理',
} as const;
export type ManagerKind = keyof typeof MANAGER_KINDS;
export const managerKindSchema = z.enum(labelCodes(MANAGER_KINDS));

/** Customer star level 1–5 (§9 star table groups ≤1★ … ≥5★). */
export const starLevelSchema = z.int().check(z.gte(1), z.lte(5));
export type StarLevel = 1 | 2 | 3 | 4 | 5;
