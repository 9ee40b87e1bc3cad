import { describe, expect, it } from 'vitest';
import {
    changedFields,
    cleanFilter,
    columnsPreferenceKey,
    createDefaults,
    decimalPattern,
    exportUrl,
    filenameFromDisposition,
    filterSpecs,
    isSortable,
    sameValue,
    templateUrl,
    toWritePayload,
    validateDate,
    validateDecimal,
    validateInteger,
    validateTime,
} from './fieldLogic';
import { feeSchedulesMeta, seatsMeta } from './metaFixtures';

const rate = feeSchedulesMeta.fields.find((f) => f.name === 'rate')!;
const minFee = feeSchedulesMeta.fields.find((f) => f.name === 'min_fee')!;

describe('decimal validation (money and rates stay strings)', () => {
    it.each([
        ['0.0003', undefined],
        ['0.00030000', undefined],
        ['0', undefined],
        ['', undefined],
        [null, undefined],
        ['0.000300001', { message: 'auto.validation.decimal', args: { scale: 8 } }],
        ['1e-4', { message: 'auto.validation.decimal', args: { scale: 8 } }],
        ['abc', { message: 'auto.validation.decimal', args: { scale: 8 } }],
        ['.5', { message: 'auto.validation.decimal', args: { scale: 8 } }],
        ['0.2', { message: 'auto.validation.max', args: { max: '0.1' } }],
        ['-0.00000001', { message: 'auto.validation.min', args: { min: '0' } }],
    ])('rate %j → %j', (value, expected) => {
        expect(validateDecimal(rate, value)).toEqual(expected);
    });

    it('compares bounds as decimals, not floats', () => {
        // 0.1 + 1e-8 is above the bound although a float sum would round it away in some cases
        expect(validateDecimal(rate, '0.10000001')).toEqual({ message: 'auto.validation.max', args: { max: '0.1' } });
        expect(validateDecimal(rate, '0.10000000')).toBeUndefined();
        expect(validateDecimal(minFee, '10000.00')).toBeUndefined();
        expect(validateDecimal(minFee, '10000.01')).toEqual({ message: 'auto.validation.max', args: { max: '10000' } });
    });

    it('builds the pattern from the scale', () => {
        expect(decimalPattern(2).test('12.34')).toBe(true);
        expect(decimalPattern(2).test('12.345')).toBe(false);
        expect(decimalPattern(0).test('12')).toBe(true);
        expect(decimalPattern(0).test('12.0')).toBe(false);
    });
});

describe('other validators', () => {
    const lot = seatsMeta.fields.find((f) => f.name === 'lot')!;
    it('integers', () => {
        expect(validateInteger(lot, 100)).toBeUndefined();
        expect(validateInteger(lot, 1.5)).toEqual({ message: 'auto.validation.integer', args: {} });
        expect(validateInteger(lot, 0)).toEqual({ message: 'auto.validation.min', args: { min: '1' } });
        expect(validateInteger(lot, 100001)).toEqual({ message: 'auto.validation.max', args: { max: '100000' } });
        expect(validateInteger(lot, null)).toBeUndefined();
    });
    it('times are HH:MM', () => {
        expect(validateTime('09:30')).toBeUndefined();
        expect(validateTime('23:59')).toBeUndefined();
        expect(validateTime('24:00')).toEqual({ message: 'auto.validation.time', args: {} });
        expect(validateTime('9:30')).toEqual({ message: 'auto.validation.time', args: {} });
    });
    it('dates are real YYYY-MM-DD days', () => {
        expect(validateDate('2026-11-22')).toBeUndefined();
        expect(validateDate('2026-13-01')).toEqual({ message: 'auto.validation.date', args: {} });
        expect(validateDate('22/11/2026')).toEqual({ message: 'auto.validation.date', args: {} });
    });
});

describe('toWritePayload (the server body schema is strict)', () => {
    const record = {
        id: 7,
        market: 'SH-A',
        seat_no: '38614',
        name: '上海普通交易单元',
        lot: 100,
        active: true,
        branch_id: 2,
        opened_at: '',
        checked_on: '2026-11-20',
        version: 3,
        created_at: '2026-11-22T01:54:57.938Z',
        updated_at: '2026-11-22T01:54:57.938Z',
        pending_approval_id: 9,
    };

    it('update: only writable non-create-only fields, plus version', () => {
        expect(toWritePayload(seatsMeta, record, 'edit')).toEqual({
            name: '上海普通交易单元',
            lot: 100,
            active: true,
            branch_id: 2,
            opened_at: null,
            version: 3,
        });
    });

    it('create: create-only fields included, read-only ones and version left out', () => {
        expect(toWritePayload(seatsMeta, { ...record, id: undefined }, 'create')).toEqual({
            market: 'SH-A',
            seat_no: '38614',
            name: '上海普通交易单元',
            lot: 100,
            active: true,
            branch_id: 2,
            opened_at: null,
        });
    });

    it('empty inputs: "" for text, null where nullable, left out otherwise', () => {
        const body = toWritePayload(
            feeSchedulesMeta,
            {
                fee_item: 'commission',
                scope: 'default',
                scope_value: null,
                rate: ' 0.0003 ',
                min_fee: '',
                effective_from: '2026-12-01',
                effective_to: '',
                note: null,
            },
            'create',
        );
        expect(body).toEqual({
            fee_item: 'commission',
            scope: 'default',
            scope_value: '',
            rate: '0.0003',
            effective_from: '2026-12-01',
            effective_to: null,
            note: '',
        });
    });

    it('keeps decimals as strings and id references as numbers', () => {
        const body = toWritePayload(seatsMeta, { branch_id: '2', lot: '200', name: 'x' }, 'create');
        expect(body).toEqual({ branch_id: 2, lot: 200, name: 'x' });
        expect(typeof toWritePayload(feeSchedulesMeta, { rate: '0.10000000' }, 'edit').rate).toBe('string');
    });
});

describe('createDefaults', () => {
    it('takes the declared defaults of writable fields', () => {
        expect(createDefaults(feeSchedulesMeta)).toEqual({
            scope_value: '',
            side: 'both',
            min_fee: '0',
            effective_to: null,
            note: '',
        });
    });
});

describe('changedFields', () => {
    const fields = feeSchedulesMeta.fields;
    it('update: changed declared fields only, in declaration order', () => {
        const before = { id: 2, rate: '0.00030000', note: 'a', min_fee: '5.00', version: 1, updated_at: 'x' };
        const after = { id: 2, rate: '0.00025000', note: 'b', min_fee: '5', version: 2, updated_at: 'y' };
        expect(changedFields(fields, before, after).map((c) => [c.name, c.before, c.after])).toEqual([
            ['rate', '0.00030000', '0.00025000'],
            ['note', 'a', 'b'],
        ]);
    });
    it('create lists the values set; delete the values removed', () => {
        expect(
            changedFields(fields, null, { fee_item: 'commission', scope_value: '', rate: '0.0003' }).map((c) => c.name),
        ).toEqual(['fee_item', 'rate']);
        expect(changedFields(fields, { fee_item: 'commission', note: '' }, null).map((c) => [c.name, c.after])).toEqual(
            [['fee_item', undefined]],
        );
    });
    it('partial snapshots (an approval payload, an import audit before) compare only shared keys', () => {
        const before = { fee_item: 'commission', rate: '0.0003', note: 'a' };
        expect(changedFields(fields, before, { rate: '0.0002', version: 1 }).map((c) => c.name)).toEqual(['rate']);
        // import update: before holds only the changed fields, after the whole row
        const row = { fee_item: 'commission', scope: 'default', rate: '0.0002', note: 'a', version: 2 };
        expect(changedFields(fields, { rate: '0.0003' }, row).map((c) => [c.name, c.before, c.after])).toEqual([
            ['rate', '0.0003', '0.0002'],
        ]);
    });
    it('without declarations compares every key but the system columns', () => {
        expect(
            changedFields(undefined, { id: 1, name: 'a', version: 1 }, { id: 1, name: 'b', version: 2 }).map(
                (c) => c.name,
            ),
        ).toEqual(['name']);
    });
    it('treats null, undefined and "" alike, decimals by value', () => {
        expect(sameValue(undefined, null, '')).toBe(true);
        expect(sameValue(rate, '5', '5.00')).toBe(true);
        expect(sameValue(rate, '5', '5.01')).toBe(false);
        expect(sameValue(undefined, '5', '5.00')).toBe(false);
    });
});

describe('list helpers', () => {
    it('filterSpecs: search first, then by declaration; range makes two inputs', () => {
        expect(filterSpecs(feeSchedulesMeta).map((s) => [s.source, s.kind])).toEqual([
            ['q', 'search'],
            ['fee_item', 'select'],
            ['scope', 'select'],
            ['scope_value', 'text'],
            ['side', 'select'],
            ['effective_from_gte', 'date'],
            ['effective_from_lte', 'date'],
        ]);
        expect(filterSpecs(seatsMeta).map((s) => [s.source, s.kind])).toEqual([
            ['q', 'search'],
            ['market', 'reference'],
            ['seat_no', 'text'],
            ['name', 'text'],
            ['active', 'boolean'],
            ['branch_id', 'reference'],
        ]);
    });

    it('isSortable follows the server allow-list', () => {
        const [feeItem, , scopeValue] = feeSchedulesMeta.fields;
        expect(isSortable(feeSchedulesMeta, feeItem)).toBe(true);
        expect(isSortable(feeSchedulesMeta, scopeValue)).toBe(false);
    });

    it('exportUrl encodes sort and filter as ra-data-simple-rest does', () => {
        const url = exportUrl(
            '/api',
            'fee_schedules',
            { field: 'effective_from', order: 'DESC' },
            { fee_item: 'commission', effective_from_gte: '2024-01-01' },
        );
        const params = new URL(url, 'http://x').searchParams;
        expect(url.startsWith('/api/fee_schedules/export?')).toBe(true);
        expect(JSON.parse(params.get('sort')!)).toEqual(['effective_from', 'DESC']);
        expect(JSON.parse(params.get('filter')!)).toEqual({ fee_item: 'commission', effective_from_gte: '2024-01-01' });
        expect(params.get('format')).toBeNull();
        const csv = new URL(exportUrl('/api', 'seats', undefined, {}, { format: 'csv', encoding: 'gbk' }), 'http://x');
        expect(csv.searchParams.get('format')).toBe('csv');
        expect(csv.searchParams.get('encoding')).toBe('gbk');
        expect(templateUrl('/api', 'seats')).toBe('/api/seats/import_template');
    });

    it('cleanFilter drops emptied inputs', () => {
        expect(cleanFilter({ q: '', fee_item: 'commission', scope: null, st: false, side: undefined })).toEqual({
            fee_item: 'commission',
            st: false,
        });
    });

    it('columnsPreferenceKey changes with the declared fields', () => {
        const a = columnsPreferenceKey(feeSchedulesMeta);
        expect(a).toMatch(/^fee_schedules\.auto\./);
        expect(columnsPreferenceKey({ ...feeSchedulesMeta, fields: feeSchedulesMeta.fields.slice(1) })).not.toBe(a);
        expect(columnsPreferenceKey(feeSchedulesMeta)).toBe(a);
    });
});

describe('filenameFromDisposition', () => {
    it('prefers the UTF-8 name (Chinese file names)', () => {
        const header = `attachment; filename="__-2026-11-22.xlsx"; filename*=UTF-8''%E5%B8%82%E5%9C%BA-2026-11-22.xlsx`;
        expect(filenameFromDisposition(header, 'x.xlsx')).toBe('市场-2026-11-22.xlsx');
    });
    it('falls back to the plain name, then to the default', () => {
        expect(filenameFromDisposition('attachment; filename="markets.xlsx"', 'x.xlsx')).toBe('markets.xlsx');
        expect(filenameFromDisposition('attachment; filename=markets.xlsx', 'x.xlsx')).toBe('markets.xlsx');
        expect(filenameFromDisposition(null, 'x.xlsx')).toBe('x.xlsx');
        expect(filenameFromDisposition("attachment; filename*=UTF-8''%E5%ZZ", 'x.xlsx')).toBe('x.xlsx');
    });
});
