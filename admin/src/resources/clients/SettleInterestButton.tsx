import SavingsIcon from '@mui/icons-material/Savings';
import { Decimal } from 'decimal.js';
import { useState } from 'react';
import { Button, Confirm, useCanAccess, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { API_URL, httpClient } from '../../providers/httpClient';
import { formatMoney } from '../fund_accounts/money';
import { newIdempotencyKey } from '../fund_journal/idempotency';
import { errorText } from './serverError';

interface Settlement {
    base: string;
    interest: string;
}

/**
 * 销户结息: before a closing, the interest the client is due is settled as a journal entry
 * (POST /clients/{id}/settle_interest); the server refuses 销户 while an accrual base is left.
 * One idempotency key per dialog, so a double click settles once.
 */
export const SettleInterestButton = () => {
    const record = useRecordContext();
    const { canAccess } = useCanAccess({ resource: 'fund_journal', action: 'create' });
    const notify = useNotify();
    const refresh = useRefresh();
    const [open, setOpen] = useState(false);
    const [loading, setLoading] = useState(false);
    const [key, setKey] = useState(newIdempotencyKey);
    if (!record || record.status === 'closed' || !canAccess) return null;
    const run = async () => {
        setLoading(true);
        try {
            const { json } = await httpClient(
                `${API_URL}/clients/${encodeURIComponent(String(record.id))}/settle_interest`,
                { method: 'POST', body: JSON.stringify({ idempotency_key: key }) },
            );
            const accounts = (json.accounts ?? []) as Settlement[];
            const sum = (k: keyof Settlement) =>
                accounts.reduce((total, a) => total.plus(a[k] || 0), new Decimal(0)).toFixed(2);
            notify('resources.clients.settle_interest.done', {
                type: 'success',
                messageArgs: { interest: formatMoney(sum('interest')), base: formatMoney(sum('base')) },
            });
            setKey(newIdempotencyKey());
            refresh();
        } catch (error) {
            const message = errorText(error);
            notify(message, { type: 'error', messageArgs: { _: message } });
        } finally {
            setLoading(false);
            setOpen(false);
        }
    };
    return (
        // biome-ignore lint/a11y: keeps clicks from reaching a list row; the Button inside is the control
        <span onClick={(e) => e.stopPropagation()}>
            <Button label="resources.clients.actions.settle_interest" onClick={() => setOpen(true)}>
                <SavingsIcon />
            </Button>
            <Confirm
                isOpen={open}
                loading={loading}
                title="resources.clients.settle_interest.title"
                titleTranslateOptions={{ name: record.name }}
                content="resources.clients.settle_interest.content"
                onConfirm={run}
                onClose={() => setOpen(false)}
            />
        </span>
    );
};
