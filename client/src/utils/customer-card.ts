/**
 * The customer card (`staff.customerCard`) as staff see it, and the links between the staff pages
 * that carry a customer (task → card → deal entry, check-in → card).
 */
import type { CustomerCardView } from '../services/staff-team';
import { gradeLabel } from './staff-labels';

type CustomerView = CustomerCardView['customer'];

export const CUSTOMER_KIND_LABELS: Record<CustomerView['kind'], string> = { existing: '老客', new: '新客' };

/** The profile rows under the name (kind and stars sit beside it), only those the answer has. */
export function profileRows(c: CustomerView): { key: string; label: string; value: string }[] {
  const rows: { key: string; label: string; value: string }[] = [];
  if (c.grade) rows.push({ key: 'grade', label: '意向等级', value: gradeLabel(c.grade) });
  if (c.channelLabel) rows.push({ key: 'channel', label: '归属渠道', value: c.channelLabel });
  if (c.referrerDisplayName) rows.push({ key: 'referrer', label: '推荐老客', value: c.referrerDisplayName });
  return rows;
}

/** `pages/customer/index?customerId=…`. */
export function customerPageUrl(page: string, customerId: string): string {
  return `${page}?customerId=${encodeURIComponent(customerId)}`;
}

/** The deal page for a customer; the store (for its products) when the caller's is known. */
export function dealPageUrl(page: string, customerId: string): string {
  return `${page}?customerId=${encodeURIComponent(customerId)}`;
}

/** The task page of an open follow-up. */
export function taskPageUrl(page: string, taskId: string): string {
  return `${page}?id=${encodeURIComponent(taskId)}`;
}

/** The tap-to-call button is offered only with a full number (the server gives it to whoever must call). */
export function callablePhone(c: Pick<CustomerView, 'phone'>): string | undefined {
  return c.phone && c.phone.trim() ? c.phone : undefined;
}
