import UndoIcon from '@mui/icons-material/Undo';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Button, useCanAccess, useNotify, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { API_URL, httpClient } from '../../providers/httpClient';
import { errorText, fieldMessage } from '../clients/serverError';
import { formatMoney } from '../fund_accounts/money';
import { isReversible, journalTypeLabel } from './journalTypes';

/**
 * 当日冲销: asks for a same-day reversal with a reason. Nothing is posted yet: the server files an
 * approval that a second operator must approve (复核), and the operator is told so.
 */
export const ReverseEntryButton = () => {
    const record = useRecordContext();
    return record && isReversible(record) ? <ReverseEntryAction record={record} /> : null;
};

const ReverseEntryAction = ({ record }: { record: RaRecord }) => {
    const { canAccess } = useCanAccess({ resource: 'fund_journal', action: 'create' });
    const [open, setOpen] = useState(false);
    if (!canAccess) return null;
    return (
        // biome-ignore lint/a11y: a wrapper that only keeps clicks from reaching the list row (dialogs render in a portal, React events still bubble); the Button inside is the control
        <span onClick={(e) => e.stopPropagation()}>
            <Button label="resources.fund_journal.actions.reverse" color="warning" onClick={() => setOpen(true)}>
                <UndoIcon />
            </Button>
            {open && <ReverseDialog entry={record} onClose={() => setOpen(false)} />}
        </span>
    );
};

const ReverseDialog = ({ entry, onClose }: { entry: RaRecord; onClose: () => void }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const [reason, setReason] = useState('');
    const [problem, setProblem] = useState<string | null>(null);
    const [saving, setSaving] = useState(false);

    const submit = async (event: FormEvent) => {
        event.preventDefault();
        if (!reason.trim()) {
            setProblem(translate('ra.validation.required'));
            return;
        }
        setSaving(true);
        try {
            const { json } = await httpClient(
                `${API_URL}/fund_journal/${encodeURIComponent(String(entry.id))}/reverse`,
                {
                    method: 'POST',
                    body: JSON.stringify({ reason: reason.trim() }),
                },
            );
            notify('ledger.reverse.submitted', {
                type: 'info',
                messageArgs: { id: json?.approval_id },
                autoHideDuration: 10000,
            });
            onClose();
        } catch (error) {
            // Not today's entry, already reversed, cash already gone…: the server says which.
            setProblem(fieldMessage(error, 'reason') ?? errorText(error, ['reason']));
            setSaving(false);
        }
    };

    const amount = entry.type === 'freeze' || entry.type === 'unfreeze' ? entry.frozen_delta : entry.amount;
    return (
        <Dialog open onClose={saving ? undefined : onClose} maxWidth="sm" fullWidth>
            <form onSubmit={submit} noValidate>
                <DialogTitle>{translate('ledger.reverse.title', { id: entry.id })}</DialogTitle>
                <DialogContent>
                    <DialogContentText sx={{ mb: 1 }}>
                        {translate('ledger.reverse.entry', {
                            type: translate(journalTypeLabel(entry.type), { _: entry.type }),
                            amount: formatMoney(amount),
                            date: entry.business_date,
                        })}
                    </DialogContentText>
                    <DialogContentText sx={{ mb: 2 }}>{translate('ledger.reverse.content')}</DialogContentText>
                    <TextField
                        autoFocus
                        fullWidth
                        required
                        name="reason"
                        label={translate('ledger.reverse.reason')}
                        value={reason}
                        slotProps={{ htmlInput: { maxLength: 200 } }}
                        onChange={(e) => {
                            setReason(e.target.value);
                            setProblem(null);
                        }}
                        error={!!problem}
                        helperText={problem ?? ' '}
                    />
                </DialogContent>
                <DialogActions>
                    <Button label="ra.action.cancel" onClick={onClose} disabled={saving} />
                    <Button
                        label="ledger.reverse.submit"
                        type="submit"
                        variant="contained"
                        color="warning"
                        disabled={saving}
                    />
                </DialogActions>
            </form>
        </Dialog>
    );
};
