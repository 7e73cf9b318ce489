import {
  WINDOW_MESSAGES,
  availability,
  bookedDetail,
  bookingContract,
  localDate,
  maskName,
  outsideBookableWindow,
  visitReminderCanBeSent,
  type Booking,
} from '@clinic/shared';
import { bookingsInTx, bookingsOfUser, slotCountersOfDay } from '../../data/bookings';
import {
  currentStoreAndProduct,
  getProducts,
  getStore,
  getStores,
  listActiveProducts,
  listActiveStores,
} from '../../data/clinic';
import { decodeOffsetCursor, encodeOffsetCursor } from '../../data/pagination';
import { defineFunction } from '../../platform/define-function';
import { AppError, refuse } from '../../platform/errors';
import { transact } from '../../platform/transaction';
import { phoneFromCode } from '../../services/phone-from-code';
import { notifyReferrer } from '../../services/referrer-updates';
import { assertChangeable, assertSlot, changeableInTx, loadStoreAndProduct, ownBooking } from './booking-guards';
import { namesFor, strip, view } from './booking-view';
import { cancelInTransaction } from './cancel-booking';
import { createInTransaction } from './create-booking';
import { loadCreateContext } from './create-context';
import { moveCounter } from './slot-counter';

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : 1);

export const main = defineFunction(
  bookingContract,
  {
    async listStores(_input, { db }) {
      const stores = (await listActiveStores(db)).sort(byId);
      return {
        stores: stores.map((s) => ({
          id: s.id,
          name: s.name,
          address: s.address,
          ...(s.phone ? { phone: s.phone } : {}),
          ...(s.location ? { location: s.location } : {}),
          visitNotes: s.visitNotes ?? [],
          openingHours: s.openingHours,
          closedDates: s.closedDates,
        })),
      };
    },

    async listProducts({ storeId }, { db }) {
      const store = await getStore(db, storeId);
      if (!store || store.active === false) throw refuse('STORE_NOT_FOUND');
      const products = (await listActiveProducts(db, store.chainId))
        .filter((p) => p.storeIds.length === 0 || p.storeIds.includes(store.id))
        .sort(byId);
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
      // The store as it is now (a closed day a manager just set shows at once), beside the day's counters.
      const [{ store }, counters] = await Promise.all([
        currentStoreAndProduct(db, storeId),
        slotCountersOfDay(db, storeId, date),
      ]);
      if (!store || store.active === false) throw refuse('STORE_NOT_FOUND');
      const outside = outsideBookableWindow(date, localDate(now));
      if (outside) throw new AppError(outside, WINDOW_MESSAGES[outside]);
      const booked = new Map(counters.map((c) => [c.slot, c.booked]));
      return { date, ...availability(store, date, booked, now) };
    },

    async create({ phoneCode, ...typed }, { openid, db, now }) {
      // The contract guarantees exactly one of a typed phone and a getPhoneNumber code.
      const { phone: typedPhone, ...request } = typed;
      const { input, context: ctx } = await loadCreateContext(
        db,
        request,
        openid,
        now,
        typedPhone !== undefined ? { typed: typedPhone } : { fromWeChat: () => phoneFromCode(phoneCode as string) },
      );
      const result = await transact(db, (tx) => createInTransaction(tx, input, ctx));
      const { booking } = result;
      if (!result.existing && booking.referrerCustomerId) {
        await notifyReferrer(
          db,
          {
            progress: 'booked',
            eventId: booking.customerId,
            chainId: booking.chainId,
            referrerCustomerId: booking.referrerCustomerId,
            friendMaskedName: maskName(booking.name),
            date: localDate(now),
            detail: bookedDetail(booking.date, booking.slot),
          },
          now,
          { ...(ctx.referrer ? { referrer: ctx.referrer } : {}), settings: ctx.settings },
        );
      }
      const names = result.names ?? (await namesFor(db, result.booking.storeId, result.booking.productId));
      // The reminder is offered only while one of the hourly runs can still send it before the visit.
      const { visitReminderTemplateId } = ctx.settings.notifications;
      const remindable = visitReminderCanBeSent(result.booking.date, now, ctx.settings.visitReminderDaysBefore);
      return {
        ...view(strip(result.booking) as Booking, names, result.existing),
        ...(remindable && visitReminderTemplateId ? { reminderTemplateId: visitReminderTemplateId } : {}),
      };
    },

    async cancel({ bookingId }, { openid, db, now }) {
      assertChangeable(await ownBooking(db, bookingId, openid), now);
      const after = await transact(db, (tx) => cancelInTransaction(tx, bookingId, openid, now));
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
        await bookingsInTx(tx).update(bookingId, { date, slot, updatedAt: nowIso });
        return { ...b, date, slot, updatedAt: nowIso };
      });
      return view(after, names);
    },

    async listMine({ cursor, limit }, { openid, db }) {
      const offset = decodeOffsetCursor(cursor);
      // One more than the page tells whether there is a next page.
      const found = await bookingsOfUser(db, openid, { skip: offset, limit: limit + 1 });
      const page = found.slice(0, limit);
      const more = found.length > limit ? { nextCursor: encodeOffsetCursor(offset + limit) } : {};
      if (page.length === 0) return { bookings: [], ...more };
      // Names by id; a store or product removed since shows as an empty name.
      const [stores, products] = await Promise.all([
        getStores(
          db,
          page.map((b) => b.storeId),
        ),
        getProducts(
          db,
          page.map((b) => b.productId),
        ),
      ]);
      return {
        bookings: page.map((b) =>
          view(strip(b) as Booking, {
            storeName: stores.get(b.storeId)?.name ?? '',
            productName: products.get(b.productId)?.name ?? '',
          }),
        ),
        ...more,
      };
    },
  },
  {
    access: {
      listStores: ['user'],
      listProducts: ['user'],
      listSlots: ['user'],
      // Anyone may book; what they see of an existing booking is decided by ownership (repeatOfUpcoming).
      create: ['user'],
      // The booking's own WeChat user only: someone else's booking answers NOT_FOUND.
      cancel: ['user'],
      reschedule: ['user'],
      listMine: ['user'],
    },
  },
);
