import { maskPhone, type Booking, type BookingView } from '@clinic/shared';
import { getProduct, getStore } from '../../data/clinic';
import type { Database } from '../../platform/db-types';

/** Bookings do not carry the store and product names; every answer looks them up. */
export interface BookingNames {
  storeName: string;
  productName: string;
}

/** What the caller sees of a booking: the phone masked, the code to show at the desk. */
export function view(
  b: Booking,
  names: BookingNames,
  existing?: boolean,
): BookingView & { bookingCode: string; existing?: boolean } {
  return {
    id: b.id,
    storeId: b.storeId,
    storeName: names.storeName,
    productId: b.productId,
    productName: names.productName,
    date: b.date,
    slot: b.slot,
    status: b.status,
    maskedPhone: maskPhone(b.phone),
    referred: b.referrerCustomerId !== undefined,
    bookingCode: b.id,
    ...(existing ? { existing: true } : {}),
  };
}

/** The database's `_id` never leaves the function. */
export const strip = <T extends { _id?: string }>(doc: T): Omit<T, '_id'> => {
  const { _id: _ignored, ...rest } = doc;
  return rest;
};

/** A store or product removed since the booking shows as an empty name rather than failing. */
export async function namesFor(db: Database, storeId: string, productId: string): Promise<BookingNames> {
  const [store, product] = await Promise.all([getStore(db, storeId), getProduct(db, productId)]);
  return { storeName: store?.name ?? '', productName: product?.name ?? '' };
}
