/** Collection names, in one place: the setup step creates exactly these. */
export const COLLECTIONS = {
  users: 'users',
  staff: 'staff',
  customers: 'customers',
} as const;
