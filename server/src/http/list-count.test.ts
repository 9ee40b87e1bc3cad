import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/harness.js';
import { contentRange, countUpTo } from './list-query.js';

/**
 * A list counts its rows for the Content-Range total only up to COUNT_LIMIT: a scale-100 branch's
 * 1.4 M clients are not counted on every page. Here the limit is lowered to the security master's size.
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('list totals, counted up to a limit', () => {
  it('counts exactly up to the limit and gives no total past it', async () => {
    const securities = () => t.db.selectFrom('securities');
    const exact = Number(
      (
        await securities()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(exact).toBeGreaterThan(10);
    expect(await countUpTo(t.db, securities())).toBe(exact);
    expect(await countUpTo(t.db, securities(), exact)).toBe(exact);
    expect(await countUpTo(t.db, securities(), exact - 1)).toBeNull();
    expect(await countUpTo(t.db, securities(), 5)).toBeNull();
    // a filter counts only what it selects
    const sh = securities().where('market', '=', 'SH-A');
    const shExact = Number((await sh.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(shExact).toBeLessThan(exact);
    expect(await countUpTo(t.db, sh)).toBe(shExact);
  });

  it('writes an uncounted total as `*`', () => {
    expect(contentRange('clients', 25, 25, null)['Content-Range']).toBe('clients 25-49/*');
  });
});
