import { describe, expect, it } from 'vitest';
import { clientMessages } from '../clients/messages';
import {
    FREEZE_KINDS,
    JOURNAL_TYPES,
    POSTING_TYPES,
    isOutflow,
    isReversible,
    journalTypeLabel,
    needsBank,
    needsFreezeKind,
    toPosting,
} from './journalTypes';

const lookup = (tree: object, key: string): unknown =>
    key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe('journal types', () => {
    it('maps each type to its i18n key', () => {
        expect(journalTypeLabel('deposit')).toBe('resources.fund_journal.types.deposit');
        expect(journalTypeLabel('bank_out')).toBe('resources.fund_journal.types.bank_out');
    });

    it.each([
        ['deposit', '存入', 'Deposit'],
        ['withdrawal', '取出', 'Withdrawal'],
        ['transfer_in', '转进', 'Transfer in'],
        ['transfer_out', '转出', 'Transfer out'],
        ['remit_in', '汇进', 'Remittance in'],
        ['remit_out', '汇出', 'Remittance out'],
        ['bank_in', '银证转入', 'Bank to securities'],
        ['bank_out', '银证转出', 'Securities to bank'],
        ['trade_buy', '买入交收', 'Buy settlement'],
        ['trade_sell', '卖出交收', 'Sell settlement'],
        ['fee', '费用', 'Fee'],
        ['interest', '利息', 'Interest'],
        ['freeze', '冻结', 'Freeze'],
        ['unfreeze', '解冻', 'Unfreeze'],
        ['reversal', '冲销', 'Reversal'],
    ])('%s is labelled %s / %s', (type, zh, en) => {
        expect(lookup(clientMessages.zh, journalTypeLabel(type))).toBe(zh);
        expect(lookup(clientMessages.en, journalTypeLabel(type))).toBe(en);
    });

    it('has a label for every type and freeze kind', () => {
        expect(JOURNAL_TYPES).toHaveLength(15);
        for (const type of JOURNAL_TYPES)
            expect(lookup(clientMessages.zh, journalTypeLabel(type)), type).toBeTypeOf('string');
        for (const kind of FREEZE_KINDS)
            expect(lookup(clientMessages.zh, `resources.fund_journal.freeze_kind.${kind}`)).toBeTypeOf('string');
    });

    it('lets the counter post only what the server accepts', () => {
        expect([...POSTING_TYPES].sort()).toEqual(
            [
                'deposit',
                'withdrawal',
                'transfer_in',
                'transfer_out',
                'remit_in',
                'remit_out',
                'bank_in',
                'bank_out',
                'freeze',
                'unfreeze',
            ].sort(),
        );
    });

    it('knows which types need a bank, a freeze kind, or withdrawable cash', () => {
        expect(POSTING_TYPES.filter(needsBank)).toEqual(['bank_in', 'bank_out']);
        expect(POSTING_TYPES.filter(needsFreezeKind)).toEqual(['freeze', 'unfreeze']);
        expect(POSTING_TYPES.filter(isOutflow)).toEqual(['withdrawal', 'bank_out', 'transfer_out', 'remit_out']);
    });

    it('offers a reversal for anything but a reversal', () => {
        expect(isReversible({ type: 'deposit', reverses_id: null })).toBe(true);
        expect(isReversible({ type: 'reversal', reverses_id: 4 })).toBe(false);
        expect(isReversible(undefined)).toBe(false);
    });
});

describe('toPosting', () => {
    it('sends the amount as a cleaned string and drops what the type does not use', () => {
        expect(
            toPosting(
                {
                    type: 'deposit',
                    amount: ' 1,000.50 ',
                    reference: ' 存款单 7 ',
                    bank_code: 'ICBC',
                    freeze_kind: 'long_term',
                },
                3,
                'k'.repeat(32),
            ),
        ).toEqual({
            account_id: 3,
            type: 'deposit',
            amount: '1000.50',
            reference: '存款单 7',
            bank_code: null,
            freeze_kind: null,
            idempotency_key: 'k'.repeat(32),
        });
    });

    it('keeps the bank for 银证转账 and the freeze kind for freezes (same-day by default)', () => {
        expect(toPosting({ type: 'bank_in', amount: '5', bank_code: 'ICBC' }, 1, 'abcdefgh')).toMatchObject({
            bank_code: 'ICBC',
            freeze_kind: null,
            reference: '',
        });
        expect(toPosting({ type: 'freeze', amount: '5' }, 1, 'abcdefgh')).toMatchObject({
            bank_code: null,
            freeze_kind: 'same_day',
        });
        expect(toPosting({ type: 'unfreeze', amount: '5', freeze_kind: 'long_term' }, 1, 'abcdefgh')).toMatchObject({
            freeze_kind: 'long_term',
        });
    });
});
