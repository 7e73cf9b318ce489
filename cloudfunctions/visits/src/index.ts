import { visitsContract } from '@clinic/shared';
import { defineFunction } from '../../platform/define-function';
import { checkIn } from './check-in';
import { fileAtDesk } from '../../services/desk-filing';

/** The desk: check-in (the first visit makes attribution final) and desk filings, for the caller's store. */
export const main = defineFunction(
  visitsContract,
  {
    checkIn: (input, { caller, db, now }) => checkIn(input, caller, db, now),
    fileAtDesk: (input, { caller, db, now }) => fileAtDesk(input, caller, db, now),
  },
  {
    access: {
      // Everyone who meets customers on site checks them in and files them (domain §1, §4).
      checkIn: [{ staff: 'any' }, 'store_manager'],
      fileAtDesk: [{ staff: 'any' }, 'store_manager'],
    },
  },
);
