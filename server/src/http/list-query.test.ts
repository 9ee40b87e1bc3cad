import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppError } from './errors.js';
import { contentRange, likePattern, parseListQuery } from './list-query.js';

const spec = {
  sortable: ['id', 'name'],
  defaultSort: ['id', 'ASC'] as const,
  filters: { q: z.string().max(10).optional(), id: z.union([z.number(), z.array(z.number())]).optional() },
};
const fail = (q: Record<string, string>) => {
  try {
    parseListQuery(q, spec);
  } catch (e) {
    return (e as AppError).fields;
  }
  throw new Error('expected a 400');
};

describe('ra-data-simple-rest list parameters', () => {
  it('parses sort, range and filter', () => {
    expect(parseListQuery({ sort: '["name","DESC"]', range: '[10,19]', filter: '{"q":"王"}' }, spec)).toEqual({
      sort: { field: 'name', order: 'desc' },
      offset: 10,
      limit: 10,
      filter: { q: '王' },
    });
  });
  it('defaults to the declared sort and the first 25 rows', () => {
    expect(parseListQuery({}, spec)).toMatchObject({
      sort: { field: 'id', order: 'asc' },
      offset: 0,
      limit: 25,
      filter: {},
    });
  });
  it('accepts getMany ids', () =>
    expect(parseListQuery({ filter: '{"id":[1,2,3]}' }, spec).filter).toEqual({ id: [1, 2, 3] }));
  it('answers every id a getMany asks for (no range sent)', () => {
    const ids = Array.from({ length: 60 }, (_, i) => i + 1);
    expect(parseListQuery({ filter: JSON.stringify({ id: ids }) }, spec)).toMatchObject({ offset: 0, limit: 60 });
  });
  it.each([
    [{ sort: '["password_hash","ASC"]' }, 'sort'],
    [{ sort: '["name","SIDEWAYS"]' }, 'sort'],
    [{ sort: 'name' }, 'sort'],
    [{ range: '[5,2]' }, 'range'],
    [{ range: '[0,5000]' }, 'range'],
    [{ range: '[-1,5]' }, 'range'],
    [{ range: '[0.5,5]' }, 'range'],
    [{ filter: '{"password_hash":"x"}' }, 'filter.password_hash'],
    [{ filter: '[1,2]' }, 'filter'],
    [{ filter: 'not json' }, 'filter'],
    [{ filter: '{"q":"far too long a search"}' }, 'filter.q'],
  ])('refuses %j', (q, field) => expect(Object.keys(fail(q as Record<string, string>) ?? {})).toContain(field));

  it('writes Content-Range as react-admin reads it', () => {
    expect(contentRange('operators', 0, 25, 319)['Content-Range']).toBe('operators 0-24/319');
    expect(contentRange('operators', 0, 0, 0)['Content-Range']).toBe('operators 0-0/0');
  });
  it('escapes LIKE wildcards', () => expect(likePattern('50%_a\\')).toBe('%50\\%\\_a\\\\%'));
});
