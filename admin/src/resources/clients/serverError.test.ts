import { describe, expect, it } from 'vitest';
import { toHttpError } from '../../providers/httpClient';
import { errorText, fieldMessage } from './serverError';

const closeRefused = toHttpError(400, 'Bad Request', {
    error: {
        code: 'VALIDATION_FAILED',
        message: '提交的数据有误，请检查标出的字段',
        fields: { status: '销户前资金余额和冻结资金必须为零' },
    },
});

describe('server errors', () => {
    it('reads one field message', () => {
        expect(fieldMessage(closeRefused, 'status')).toBe('销户前资金余额和冻结资金必须为零');
        expect(fieldMessage(closeRefused, 'amount')).toBeUndefined();
        expect(fieldMessage(new Error('x'), 'status')).toBeUndefined();
    });

    it('tells what no input shows, else the general message', () => {
        expect(errorText(closeRefused)).toBe('销户前资金余额和冻结资金必须为零');
        expect(errorText(closeRefused, ['status'])).toBe('提交的数据有误，请检查标出的字段');
        expect(
            errorText(
                toHttpError(409, 'Conflict', {
                    error: { code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重试' },
                }),
            ),
        ).toBe('该记录已被他人修改，请刷新后重试');
        expect(errorText(undefined)).toBe('ra.notification.http_error');
    });
});
