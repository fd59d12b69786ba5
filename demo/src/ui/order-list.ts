import { ordersOf } from '../domain/orders';
import { query } from '../db/client';

// @ai-generated begin id=3c9e41 tool=copilot use=boilerplate at=2026-11-20T09:12Z
export function renderOrders(customerId: string): string {
  const rows = ordersOf(customerId);
  console.log('rendering', rows.length);
  return rows.map((r) => `<li>${r.id}: ${r.amount}</li>`).join('');
}
// @ai-generated end id=3c9e41

export function debugCount(): number {
  return query('SELECT count(*) FROM orders', []).length;
}
