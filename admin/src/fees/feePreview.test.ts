import { describe, expect, it } from 'vitest';
import {
    buildPreviewRequest,
    DEFAULT_SAMPLE,
    draftFromForm,
    isDraftSource,
    localToday,
    samplePatchForScope,
} from './feePreview';

const form = {
    id: 3,
    fee_item: 'commission',
    scope: 'client_class',
    scope_value: 'vip',
    side: 'both',
    rate: '0.00018',
    min_fee: '5.00',
    effective_from: '2026-12-01',
    effective_to: null,
    note: 'not part of the draft',
    version: 2,
};

describe('buildPreviewRequest', () => {
    it('dates the trade on the form’s effective date and sends the form as a draft', () => {
        const plan = buildPreviewRequest(form, DEFAULT_SAMPLE, '2026-11-22');
        expect(plan).toEqual({
            ok: true,
            draftIncluded: true,
            body: {
                date: '2026-12-01',
                side: 'buy',
                price: '1500.00',
                quantity: 100,
                market: 'SH-A',
                code: '600519',
                client_class: null,
                draft: {
                    id: 3,
                    fee_item: 'commission',
                    scope: 'client_class',
                    scope_value: 'vip',
                    side: 'both',
                    rate: '0.00018',
                    min_fee: '5.00',
                    effective_from: '2026-12-01',
                    effective_to: null,
                },
            },
        });
    });

    it('a new schedule has no id; defaults fill side and minimum', () => {
        expect(
            draftFromForm({
                fee_item: 'stamp_duty',
                scope: 'default',
                rate: '0.0005',
                effective_from: '2026-12-01',
                min_fee: '',
                side: '',
            }),
        ).toEqual({
            id: null,
            fee_item: 'stamp_duty',
            scope: 'default',
            scope_value: '',
            side: 'both',
            rate: '0.0005',
            min_fee: '0',
            effective_from: '2026-12-01',
            effective_to: null,
        });
    });

    it('an incomplete or malformed form previews without a draft, dated today', () => {
        for (const broken of [
            { rate: '' },
            { rate: 'abc' },
            { rate: '0.000000001' },
            { rate: '-0.1' },
            { effective_from: '' },
            { fee_item: '' },
            { effective_to: '2026-13-01' },
        ]) {
            const plan = buildPreviewRequest({ ...form, ...broken }, DEFAULT_SAMPLE, '2026-11-22');
            expect(plan.ok && plan.draftIncluded, JSON.stringify(broken)).toBe(false);
        }
        const plan = buildPreviewRequest({ ...form, effective_from: '' }, DEFAULT_SAMPLE, '2026-11-22');
        expect(plan.ok && plan.body.date).toBe('2026-11-22');
    });

    it('refuses an invalid sample; code is optional', () => {
        for (const bad of [
            { price: '0' },
            { price: '1.2345' },
            { price: 'x' },
            { quantity: '0' },
            { quantity: '1.5' },
            { code: '60051' },
            { market: '' },
        ]) {
            expect(buildPreviewRequest(form, { ...DEFAULT_SAMPLE, ...bad }, '2026-11-22'), JSON.stringify(bad)).toEqual(
                { ok: false, problem: 'sample' },
            );
        }
        const plan = buildPreviewRequest(
            form,
            { ...DEFAULT_SAMPLE, code: '', side: 'sell', client_class: 'vip' },
            '2026-11-22',
        );
        expect(plan.ok && plan.body).toMatchObject({ side: 'sell', client_class: 'vip' });
        expect(plan.ok && 'code' in plan.body).toBe(false);
    });

    it('keeps the price an exact string', () => {
        const plan = buildPreviewRequest(form, { ...DEFAULT_SAMPLE, price: '10.005' }, '2026-11-22');
        expect(plan.ok && plan.body.price).toBe('10.005');
    });
});

describe('helpers', () => {
    it('draft sources: -1 for a new draft, the edited id otherwise', () => {
        const source = (id: number) => ({ id, scope: 'default', scope_value: '', rate: '0.0003' });
        expect(isDraftSource(source(-1), null)).toBe(true);
        expect(isDraftSource(source(3), 3)).toBe(true);
        expect(isDraftSource(source(2), 3)).toBe(false);
        expect(isDraftSource(undefined, 3)).toBe(false);
        expect(isDraftSource(source(3), undefined)).toBe(false);
    });
    it('a client-class draft moves the sample to that class', () => {
        expect(samplePatchForScope('client_class', 'vip')).toEqual({ client_class: 'vip' });
        expect(samplePatchForScope('market', 'SZ-A')).toBeNull();
        expect(samplePatchForScope('client_class', '')).toBeNull();
    });
    it('today in local time', () => {
        expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    });
});
