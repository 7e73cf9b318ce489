import {
  MAX_BOOKING_DAYS_AHEAD,
  SLOT_MESSAGES,
  addDays,
  availability,
  bookingContract,
  compareDates,
  localDate,
  type Booking,
  type Product,
  type Store,
} from '@clinic/shared';
import { defineFunction } from '../../common/define-function';
import { AppError } from '../../common/errors';
import { COLLECTIONS } from '../../common/collections';
import { getStore, type Stored } from '../../common/clinic';
import { personIdFor } from '../../common/keys';
import { transact } from '../../common/transaction';
import type { PersonDoc, SlotCounterDoc } from '../../common/booking-docs';
import {
  assertChangeable,
  assertSlot,
  changeableInTx,
  loadStoreAndProduct,
  ownBooking,
  refuse,
} from './booking-guards';
import { namesFor, strip, view } from './booking-view';
import { createInTransaction } from './create-booking';
import { loadCreateContext } from './create-context';
import { phoneFromCode } from '../../common/phone-from-code';
import { moveCounter } from './slot-counter';

export const main = defineFunction(bookingContract, {
  async listStores(_input, { db }) {
    const { data } = await db
      .collection<Stored<Store> & Record<string, unknown>>(COLLECTIONS.stores)
      .where({ active: true })
      .limit(200)
      .get();
    const stores = (data as Stored<Store>[]).sort((a, b) => (a.id < b.id ? -1 : 1));
    return {
      stores: stores.map((s) => ({
        id: s.id,
        name: s.name,
        address: s.address,
        openingHours: s.openingHours,
        closedDates: s.closedDates,
      })),
    };
  },

  async listProducts({ storeId }, { db }) {
    const store = await getStore(db, storeId);
    if (!store || store.active === false) throw refuse('STORE_NOT_FOUND');
    const { data } = await db
      .collection<Stored<Product> & Record<string, unknown>>(COLLECTIONS.products)
      .where({ chainId: store.chainId, active: true })
      .limit(200)
      .get();
    const products = (data as Stored<Product>[])
      .filter((p) => p.storeIds.length === 0 || p.storeIds.includes(store.id))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    return {
      products: products.map((p) => ({
        id: p.id,
        name: p.name,
        category: p.category,
        ...(p.priceFen !== undefined ? { priceFen: p.priceFen } : {}),
        durationMinutes: p.durationMinutes,
      })),
    };
  },

  async listSlots({ storeId, date }, { db, now }) {
    const store = await getStore(db, storeId);
    if (!store || store.active === false) throw refuse('STORE_NOT_FOUND');
    const today = localDate(now);
    if (compareDates(date, today) < 0) throw new AppError('DATE_IN_PAST', SLOT_MESSAGES.DATE_IN_PAST);
    if (compareDates(date, addDays(today, MAX_BOOKING_DAYS_AHEAD)) > 0) {
      throw new AppError('DATE_TOO_FAR', SLOT_MESSAGES.DATE_TOO_FAR);
    }
    const { data } = await db
      .collection<SlotCounterDoc & Record<string, unknown>>(COLLECTIONS.slotCounters)
      .where({ storeId, date })
      .limit(100)
      .get();
    const booked = new Map((data as SlotCounterDoc[]).map((c) => [c.slot, c.booked]));
    return { date, ...availability(store, date, booked, now) };
  },

  async create({ phoneCode, ...typed }, { openid, db, now }) {
    // The contract guarantees exactly one of a typed phone and a getPhoneNumber code.
    const input = { ...typed, phone: typed.phone ?? (await phoneFromCode(phoneCode as string)) };
    const ctx = await loadCreateContext(db, input, openid, now);
    const result = await transact(db, (tx) => createInTransaction(tx, input, ctx));
    const names = result.names ?? (await namesFor(db, result.booking.storeId, result.booking.productId));
    return {
      ...view(strip(result.booking) as Booking, names, result.existing),
      reminderTemplateId: ctx.settings.notifications.visitReminderTemplateId,
    };
  },

  async cancel({ bookingId }, { openid, db, now }) {
    assertChangeable(await ownBooking(db, bookingId, openid), now);
    const nowIso = now.toISOString();
    const after = await transact(db, async (tx) => {
      const b = await changeableInTx(tx, bookingId, openid, now);
      const updated: Booking = { ...b, status: 'cancelled', cancelledAt: nowIso, updatedAt: nowIso };
      await tx
        .collection<Booking & { _id?: string }>(COLLECTIONS.bookings)
        .doc(bookingId)
        .update({ status: 'cancelled', cancelledAt: nowIso, updatedAt: nowIso });
      await moveCounter(tx, { storeId: b.storeId, date: b.date, slot: b.slot }, -1, nowIso);
      // The phone may book again once it has no upcoming booking.
      const persons = tx.collection<PersonDoc>(COLLECTIONS.persons);
      const personId = personIdFor(b.chainId, b.phone);
      const person = await persons.doc(personId).get();
      if (person && person.upcomingBookingId === bookingId) {
        await persons.doc(personId).update({ upcomingBookingId: null, updatedAt: nowIso });
      }
      return updated;
    });
    return view(after, await namesFor(db, after.storeId, after.productId));
  },

  async reschedule({ bookingId, date, slot }, { openid, db, now }) {
    const before = await ownBooking(db, bookingId, openid);
    assertChangeable(before, now);
    const { store, product } = await loadStoreAndProduct(db, before.storeId, before.productId);
    const names = { storeName: store.name, productName: product.name };
    if (before.date === date && before.slot === slot) return view(strip(before) as Booking, names);
    assertSlot(store, date, slot, now);
    const nowIso = now.toISOString();
    const after = await transact(db, async (tx) => {
      const b = await changeableInTx(tx, bookingId, openid, now);
      // The new slot's capacity is checked here, against the counter as this transaction reads it.
      await moveCounter(tx, { storeId: store.id, date, slot }, +1, nowIso, store.capacityPerSlot);
      await moveCounter(tx, { storeId: b.storeId, date: b.date, slot: b.slot }, -1, nowIso);
      await tx
        .collection<Booking & { _id?: string }>(COLLECTIONS.bookings)
        .doc(bookingId)
        .update({ date, slot, updatedAt: nowIso });
      return { ...b, date, slot, updatedAt: nowIso };
    });
    return view(after, names);
  },

  async listMine(_input, { openid, db }) {
    const { data } = await db
      .collection<Stored<Booking> & Record<string, unknown>>(COLLECTIONS.bookings)
      .where({ openid })
      .orderBy('date', 'desc')
      .orderBy('slot', 'desc')
      .limit(100)
      .get();
    const bookings = data as Stored<Booking>[];
    if (bookings.length === 0) return { bookings: [] };
    const _ = db.command;
    const storeIds = [...new Set(bookings.map((b) => b.storeId))];
    const productIds = [...new Set(bookings.map((b) => b.productId))];
    const [stores, products] = await Promise.all([
      db
        .collection<Stored<Store> & Record<string, unknown>>(COLLECTIONS.stores)
        .where({ _id: _.in!(storeIds) })
        .limit(100)
        .get(),
      db
        .collection<Stored<Product> & Record<string, unknown>>(COLLECTIONS.products)
        .where({ _id: _.in!(productIds) })
        .limit(100)
        .get(),
    ]);
    const storeName = new Map(stores.data.map((s) => [s._id, s.name as string]));
    const productName = new Map(products.data.map((p) => [p._id, p.name as string]));
    return {
      bookings: bookings.map((b) =>
        view(strip(b) as Booking, {
          storeName: storeName.get(b.storeId) ?? '',
          productName: productName.get(b.productId) ?? '',
        }),
      ),
    };
  },
});
