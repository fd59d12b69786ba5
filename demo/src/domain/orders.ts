import { query, type Row } from '../db/client';

export function ordersOf(customerId: string): Row[] {
  return query('SELECT id, amount FROM orders WHERE customer = ?', [customerId]);
}
