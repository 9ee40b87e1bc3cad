import { describe, expect, it } from 'vitest';
import { rightsChange } from './rights-change.calc.js';

describe('a role rights change: what it adds and removes', () => {
  it.each([
    [['clients.list'], ['clients.list', 'clients.show'], ['clients.show'], []],
    [['clients.list', 'clients.show'], ['clients.list'], [], ['clients.show']],
    [['b.list', 'a.list'], ['c.list', 'a.list', 'c.list'], ['c.list'], ['b.list']],
    [[], [], [], []],
    [['x.run'], ['x.run'], [], []],
  ])('%j → %j adds %j, removes %j', (from, to, added, removed) =>
    expect(rightsChange({ permissions: from, all_branches: false }, { permissions: to, all_branches: false })).toEqual({
      added,
      removed,
      all_branches: null,
    }),
  );
  it('says when the all-branch reach changes', () => {
    expect(rightsChange({ permissions: [], all_branches: false }, { permissions: [], all_branches: true })).toEqual({
      added: [],
      removed: [],
      all_branches: { from: false, to: true },
    });
  });
});
