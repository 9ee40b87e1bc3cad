import FolderZipIcon from '@mui/icons-material/FolderZip';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../../providers/httpClient';
import { errorText, fieldMessage } from '../clients/serverError';
import { type ExportJob, startedJob } from './jobEvents';

/** The month before `date` ('YYYY-MM-DD'): by default the last whole month before the open day's. */
const monthBefore = (date: string) => {
    const [y, m] = date.split('-').map(Number) as [number, number];
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/**
 * 全部客户对账单: the month's statement of every client in the operator's scope, one PDF each, in
 * one zip — a background job whose progress the export-job dialog shows.
 */
export const StatementsBatchButton = ({ openDate }: { openDate: string }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const [open, setOpen] = useState(false);
    const [month, setMonth] = useState(() => monthBefore(openDate));
    const [error, setError] = useState<string | null>(null);
    const [busy, setBusy] = useState(false);
    const submit = async (e: FormEvent) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
            const res = await httpClient(`${API_URL}/export_jobs/statements`, {
                method: 'POST',
                body: JSON.stringify({ month }),
            });
            setOpen(false);
            startedJob(res.json as ExportJob);
        } catch (err) {
            const field = fieldMessage(err, 'month');
            if (field) setError(field);
            else notify(errorText(err), { type: 'error' });
        } finally {
            setBusy(false);
        }
    };
    return (
        <>
            <Button startIcon={<FolderZipIcon />} onClick={() => setOpen(true)}>
                {translate('resources.export_jobs.statements.button')}
            </Button>
            <Dialog open={open} onClose={() => setOpen(false)} maxWidth="xs" fullWidth>
                <form onSubmit={submit}>
                    <DialogTitle>{translate('resources.export_jobs.statements.title')}</DialogTitle>
                    <DialogContent>
                        <DialogContentText sx={{ mb: 2 }}>
                            {translate('resources.export_jobs.statements.content')}
                        </DialogContentText>
                        <TextField
                            type="month"
                            label={translate('resources.export_jobs.statements.month')}
                            value={month}
                            onChange={(e) => setMonth(e.target.value)}
                            error={!!error}
                            helperText={error ?? ' '}
                            slotProps={{ inputLabel: { shrink: true } }}
                            required
                            fullWidth
                        />
                    </DialogContent>
                    <DialogActions>
                        <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
                        <Button type="submit" variant="contained" disabled={busy || !month}>
                            {translate('resources.export_jobs.statements.submit')}
                        </Button>
                    </DialogActions>
                </form>
            </Dialog>
        </>
    );
};
