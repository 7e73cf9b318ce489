import * as z from 'zod/mini';
import '../locale';
import { idSchema, localDateSchema, timeOfDaySchema } from './primitives';

/** A store of the chain: where and when customers can visit (§1). */
export const openingHoursSchema = z.strictObject({
  /** 0 = Sunday … 6 = Saturday. */
  weekday: z.int().check(z.gte(0), z.lte(6)),
  open: timeOfDaySchema,
  close: timeOfDaySchema,
});

export const storeSchema = z.strictObject({
  id: idSchema,
  chainId: idSchema,
  name: z.string().check(z.minLength(1), z.maxLength(40)),
  address: z._default(z.string().check(z.maxLength(120)), ''),
  phone: z.optional(z.string().check(z.maxLength(20))),
  /** Where the store is (GCJ-02, as WeChat's map takes it), for 导航 on the customer's appointments. */
  location: z.optional(
    z.strictObject({
      latitude: z.number().check(z.gte(-90), z.lte(90)),
      longitude: z.number().check(z.gte(-180), z.lte(180)),
    }),
  ),
  /** What a customer should know before coming (entrance, parking, what to bring), one short line each. */
  visitNotes: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(60))).check(z.maxLength(6)), []),
  /** Photos of the store (cloud storage fileIDs) the invitation shows friends, first one first. */
  photoFileIds: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(256))).check(z.maxLength(6)), []),
  /** One row per opening weekday; a weekday without a row is closed. */
  openingHours: z.array(openingHoursSchema).check(z.maxLength(14)),
  /** Dates the store is closed although the weekday is open (holidays, training days). */
  closedDates: z._default(z.array(localDateSchema).check(z.maxLength(366)), []),
  slotMinutes: z._default(z.int().check(z.gte(10), z.lte(240)), 30),
  capacityPerSlot: z._default(z.int().check(z.gte(1), z.lte(100)), 2),
  active: z._default(z.boolean(), true),
});
export type Store = z.output<typeof storeSchema>;
