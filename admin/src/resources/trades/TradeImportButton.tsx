import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
    Alert,
    Button as MuiButton,
    Dialog,
    DialogActions,
    DialogContent,
    DialogContentText,
    DialogTitle,
    LinearProgress,
    Stack,
    Typography,
} from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import { Button, useCanAccess, useNotify, useRefresh, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../../providers/httpClient';
import { ImportResultView } from './ImportResultView';
import { MAX_REPORT_BYTES, type ImportResult } from './tradeImport';

/**
 * 成交回报导入: uploads a trade-report CSV (multipart field "file") to POST /api/trades/import;
 * lines already imported are skipped by the server, so importing a file twice is harmless.
 */
export const TradeImportButton = () => {
    const { canAccess } = useCanAccess({ resource: 'trades', action: 'create' });
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const [open, setOpen] = useState(false);
    const [file, setFile] = useState<File | null>(null);
    const [busy, setBusy] = useState(false);
    const [error, setError] = useState<string | null>(null);
    const [result, setResult] = useState<ImportResult | null>(null);
    if (!canAccess) return null;

    const close = () => {
        setOpen(false);
        setFile(null);
        setError(null);
        setResult(null);
    };

    const choose = (event: ChangeEvent<HTMLInputElement>) => {
        const picked = event.target.files?.[0] ?? null;
        event.target.value = '';
        setResult(null);
        setError(
            picked && picked.size > MAX_REPORT_BYTES
                ? translate('resources.trades.import.too_large', { mb: 20 })
                : null,
        );
        setFile(picked);
    };

    const upload = async () => {
        if (!file) return;
        setBusy(true);
        setError(null);
        try {
            const body = new FormData();
            body.append('file', file, file.name);
            const { json } = await httpClient(`${API_URL}/trades/import`, { method: 'POST', body });
            const outcome = json as ImportResult;
            setResult(outcome);
            notify('resources.trades.import.done', {
                type: outcome.unmatched.length ? 'warning' : 'success',
                messageArgs: {
                    recorded: outcome.recorded,
                    duplicates: outcome.duplicates,
                    unmatched: outcome.unmatched.length,
                },
            });
            refresh();
        } catch (e) {
            const fields = (e as { body?: { error?: { fields?: Record<string, string> } } }).body?.error?.fields;
            setError(fields?.file ?? ((e as Error).message || translate('ra.notification.http_error')));
        } finally {
            setBusy(false);
        }
    };

    return (
        <>
            <Button label="resources.trades.actions.import" onClick={() => setOpen(true)}>
                <UploadFileIcon />
            </Button>
            <Dialog open={open} onClose={busy ? undefined : close} maxWidth="md" fullWidth>
                <DialogTitle>{translate('resources.trades.import.title')}</DialogTitle>
                <DialogContent>
                    <Stack spacing={2}>
                        <DialogContentText>{translate('resources.trades.import.format_hint')}</DialogContentText>
                        <Typography
                            variant="caption"
                            component="pre"
                            sx={{ m: 0, fontFamily: 'monospace', overflowX: 'auto' }}
                        >
                            trade_date,market,seat,shareholder_account,security_code,side,quantity,price,order_no,trade_id
                        </Typography>
                        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                            <MuiButton
                                component="label"
                                variant="outlined"
                                startIcon={<UploadFileIcon />}
                                disabled={busy}
                            >
                                {translate('resources.trades.import.choose_file')}
                                <input hidden type="file" accept=".csv,.txt,text/csv,text/plain" onChange={choose} />
                            </MuiButton>
                            <Typography variant="body2" color={file ? 'text.primary' : 'text.secondary'}>
                                {file ? file.name : translate('resources.trades.import.no_file')}
                            </Typography>
                        </Stack>
                        {busy && <LinearProgress />}
                        {error && <Alert severity="error">{error}</Alert>}
                        {result && <ImportResultView result={result} />}
                    </Stack>
                </DialogContent>
                <DialogActions>
                    <Button label="ra.action.close" onClick={close} disabled={busy} />
                    <Button
                        label="resources.trades.import.submit"
                        variant="contained"
                        onClick={upload}
                        disabled={!file || busy || !!error || !!result}
                    />
                </DialogActions>
            </Dialog>
        </>
    );
};
