import { reportsContract } from '@clinic/shared';
import { defineFunction } from '../../platform/define-function';
import { REPORT_READERS } from '../../platform/staff-roles';
import { dashboard } from './dashboard';

/** Managers' reports (§4, §9) at their data scope, read from the day roll-ups. */
export const main = defineFunction(
  reportsContract,
  {
    dashboard: (input, ctx) => dashboard(input, ctx),
  },
  {
    access: {
      // Store managers read their store; general managers and admins the chain or one store.
      dashboard: REPORT_READERS,
    },
  },
);
