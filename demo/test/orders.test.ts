import { ordersOf } from '../src/domain/orders';

// @ai-generated begin id=77b0d1 tool=copilot use=tests at=2026-11-24T10:31Z reviewed-by=lead@example.com reviewed-at=2026-11-24T15:02Z
export function testOrdersOfUnknownCustomer(): void {
  if (ordersOf('nobody').length !== 0) {
    throw new Error('expected no orders');
  }
}
// @ai-generated end id=77b0d1
