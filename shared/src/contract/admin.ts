import * as z from 'zod/mini';
import '../locale';
import { AUDIT_FILTER_KIND_IDS, AUDIT_KIND_IDS } from '../admin/audit-kinds';
import { AUDIT_SOURCES } from '../admin/audit-merge';
import { SETTINGS_SECTION_IDS } from '../admin/sections';
import { auditLogEntrySchema } from '../model/entities';
import { idSchema, instantSchema, localDateSchema } from '../model/primitives';
import { productSchema } from '../model/product';
import { storeSchema } from '../model/store';
import { clinicSettingsSchema } from '../settings/clinic-settings';
import { defineContract } from './envelope';

/**
 * The `admin` function: managers read and edit the clinic's settings (a section at a time), its
 * stores and products — each versioned, each change audited — and read the audit log. There is no
 * action that edits or deletes an audit entry: the log is append-only.
 */

const version = z.int({ error: '版本号必须是整数' }).check(z.gte(0, { error: '版本号不能为负' }));
/** What a form sends: checked field by field by the shared rules, which name every wrong field. */
const formValue = z.record(z.string(), z.unknown());

/** Who changed something last, and when. */
export const lastChangeSchema = z.strictObject({
  staffId: idSchema,
  name: z.string().check(z.maxLength(40)),
  at: instantSchema,
  section: z.optional(z.string().check(z.maxLength(32))),
});
export type LastChange = z.infer<typeof lastChangeSchema>;

const editable = { version, lastChange: z.optional(lastChangeSchema), editable: z.boolean() };

export const adminStoreSchema = z.strictObject({
  id: idSchema,
  name: storeSchema.shape.name,
  address: z.string().check(z.maxLength(120)),
  active: z.boolean(),
  openingHours: storeSchema.shape.openingHours,
  closedDates: z.array(localDateSchema).check(z.maxLength(366)),
  slotMinutes: z.int(),
  capacityPerSlot: z.int(),
  photoFileIds: z.array(z.string().check(z.maxLength(256))).check(z.maxLength(6)),
  /** Temporary URLs of the photos storage holds (by fileID), for thumbnails. */
  photoUrls: z.record(z.string(), z.string().check(z.maxLength(1024))),
  /** Where photos uploaded for this store go (`stores/<id>`). */
  photoFolder: z.string().check(z.maxLength(80)),
  ...editable,
});
export type AdminStore = z.infer<typeof adminStoreSchema>;

export const adminProductSchema = z.strictObject({
  id: idSchema,
  name: productSchema.shape.name,
  category: productSchema.shape.category,
  priceFen: z.optional(z.int()),
  durationMinutes: z.int(),
  storeIds: z.array(idSchema).check(z.maxLength(200)),
  active: z.boolean(),
  ...editable,
});
export type AdminProduct = z.infer<typeof adminProductSchema>;

const settingsSectionSchema = z.enum(SETTINGS_SECTION_IDS);

/** One changed field of an audited change: where, its Chinese name, and the values before and after. */
export const auditChangeSchema = z.strictObject({
  path: z.string().check(z.maxLength(120)),
  label: z.string().check(z.maxLength(40)),
  before: z.optional(z.unknown()),
  after: z.optional(z.unknown()),
});
export type AuditChange = z.infer<typeof auditChangeSchema>;

/** A row id of any source (reward-ledger ids are `deal:policy:role`, up to 128 characters). */
const rowIdSchema = z.string().check(z.minLength(1), z.maxLength(128));
const label = (max: number) => z.optional(z.string().check(z.maxLength(max)));

export const auditItemSchema = z.strictObject({
  id: rowIdSchema,
  /** Where the row is kept: the audit log, or a filing, deal or reward-ledger record. */
  source: z.enum(AUDIT_SOURCES),
  at: instantSchema,
  kind: z.enum([...AUDIT_FILTER_KIND_IDS, 'other']),
  kindLabel: z.string().check(z.maxLength(20)),
  action: auditLogEntrySchema.shape.action,
  outcome: auditLogEntrySchema.shape.outcome,
  rule: z.optional(z.string().check(z.maxLength(8))),
  /** The rule's Chinese name (`R1 首次建档优先`). */
  ruleLabel: label(20),
  /** Absent when no colleague acted: a customer's own booking, a reward the clinic credited. */
  actorId: z.optional(idSchema),
  /** The colleague's name; absent when the actor is not staff (a customer's booking). */
  actorName: label(40),
  targetId: rowIdSchema,
  storeId: z.optional(idSchema),
  storeName: label(40),
  message: z.string().check(z.maxLength(200)),
  section: label(32),
  sectionLabel: label(20),
  version: z.optional(z.int()),
  /** What a manager's change changed (at most 20 fields). */
  changes: z.array(auditChangeSchema).check(z.maxLength(20)),
  /** Filings, deals, rewards: the customer (phone masked below the chain). */
  customerName: label(40),
  customerPhone: label(20),
  /** Filings: the channel (as attributed) and how the person was filed. */
  channelLabel: label(16),
  sourceLabel: label(20),
  /** Filings: why the rule decided so. */
  explanation: label(200),
  /** Deals: the project and the amount paid, in yuan (`¥1,280.00`). */
  productName: label(40),
  amountText: label(40),
  /** Rewards: 发放 / 使用 / 过期, the reward (返现, 积分 …) and the amount in its unit. */
  rewardTypeLabel: label(8),
  rewardKindLabel: label(8),
});
export type AuditItem = z.infer<typeof auditItemSchema>;

/** The audit viewer's filters (list and export alike). */
const auditFilter = {
  // The log's own kinds only until the viewer reads filings, deals and rewards through the merged
  // cursor (shared/src/admin/audit-merge.ts): asking for those is refused, not answered empty.
  kind: z.optional(z.enum(AUDIT_KIND_IDS)),
  from: z.optional(localDateSchema),
  to: z.optional(localDateSchema),
  storeId: z.optional(idSchema),
  actorId: z.optional(idSchema),
};

export const adminContract = defineContract({
  /** The settings with their version and last change, the stores and products the caller may see. */
  getSettings: {
    input: z.strictObject({}),
    output: z.strictObject({
      settings: clinicSettingsSchema,
      version,
      lastChange: z.optional(lastChangeSchema),
      /** Only the general manager and admins change the chain's settings. */
      canEditSettings: z.boolean(),
      /** A store manager sees their store; chain managers and admins every store. */
      stores: z.array(adminStoreSchema).check(z.maxLength(200)),
      products: z.array(adminProductSchema).check(z.maxLength(200)),
    }),
  },
  /** Replaces one section of the settings, made from `expectedVersion`; audited with before and after. */
  updateSettings: {
    input: z.strictObject({ section: settingsSectionSchema, expectedVersion: version, value: formValue }),
    output: z.strictObject({
      settings: clinicSettingsSchema,
      version,
      lastChange: z.optional(lastChangeSchema),
      /** The fields that changed (none: nothing was written). */
      changed: z.array(z.string().check(z.maxLength(120))),
    }),
  },
  /** A store's hours, closed dates, slots and photos. */
  updateStore: {
    input: z.strictObject({ storeId: idSchema, expectedVersion: version, store: formValue }),
    output: z.strictObject({ store: adminStoreSchema, changed: z.array(z.string().check(z.maxLength(120))) }),
  },
  /** A product changed (`productId`) or added (no id, `expectedVersion` 0). */
  upsertProduct: {
    input: z.strictObject({ productId: z.optional(idSchema), expectedVersion: version, product: formValue }),
    output: z.strictObject({
      product: adminProductSchema,
      created: z.boolean(),
      changed: z.array(z.string().check(z.maxLength(120))),
    }),
  },
  /** The audit log, newest first, a page at a time; read only. */
  listAudit: {
    input: z.strictObject({
      ...auditFilter,
      cursor: z.optional(z.string().check(z.maxLength(1000, { error: '分页标记过长' }))),
      limit: z._default(z.int().check(z.gte(1), z.lte(50)), 20),
    }),
    output: z.strictObject({
      items: z.array(auditItemSchema).check(z.maxLength(50)),
      nextCursor: z.optional(z.string().check(z.maxLength(1000))),
    }),
  },
});
export type AdminContract = typeof adminContract;
