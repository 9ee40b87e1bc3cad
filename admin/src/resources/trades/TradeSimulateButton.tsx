import CasinoIcon from '@mui/icons-material/Casino';
import {
    Alert,
    Dialog,
    DialogActions,
    DialogContent,
    DialogContentText,
    DialogTitle,
    LinearProgress,
    Stack,
    TextField,
} from '@mui/material';
import { useState } from 'react';
import { Button, useCanAccess, useNotify, useRefresh, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../../providers/httpClient';
import { ImportResultView } from './ImportResultView';
import { parseSeed, type ImportResult } from './tradeImport';

/**
 * 模拟撮合: the simulated exchange fills the business day's open orders (the same for the same
 * seed), writes the trade-report file and imports it; the file can be downloaded afterwards.
 */
export const TradeSimulateButton = () => {
    const { canAccess } = useCanAccess({ resource: 'trades', action: 'create' });
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const [open, setOpen] = useState(false);
    const [seedText, setSeedText] = useState('1');
    const [busy, setBusy] = useState(false);
    const [error, setError] = useState<string | null>(null);
    const [result, setResult] = useState<ImportResult | null>(null);
    if (!canAccess) return null;

    const seed = parseSeed(seedText);
    const close = () => {
        setOpen(false);
        setError(null);
        setResult(null);
    };

    const run = async () => {
        if (seed === null) return;
        setBusy(true);
        setError(null);
        try {
            const { json } = await httpClient(`${API_URL}/trades/simulate`, {
                method: 'POST',
                body: JSON.stringify({ seed }),
            });
            const outcome = json as ImportResult;
            setResult(outcome);
            notify('resources.trades.simulate.done', {
                type: 'success',
                messageArgs: { recorded: outcome.recorded, unmatched: outcome.unmatched.length },
            });
            refresh();
        } catch (e) {
            setError((e as Error).message || translate('ra.notification.http_error'));
        } finally {
            setBusy(false);
        }
    };

    return (
        <>
            <Button label="resources.trades.actions.simulate" onClick={() => setOpen(true)}>
                <CasinoIcon />
            </Button>
            <Dialog open={open} onClose={busy ? undefined : close} maxWidth="md" fullWidth>
                <DialogTitle>{translate('resources.trades.simulate.title')}</DialogTitle>
                <DialogContent>
                    <Stack spacing={2}>
                        <DialogContentText>{translate('resources.trades.simulate.content')}</DialogContentText>
                        <TextField
                            label={translate('resources.trades.simulate.seed')}
                            value={seedText}
                            onChange={(e) => {
                                setSeedText(e.target.value);
                                setResult(null);
                            }}
                            error={seed === null}
                            helperText={translate(
                                seed === null
                                    ? 'resources.trades.simulate.seed_invalid'
                                    : 'resources.trades.simulate.seed_helper',
                            )}
                            slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
                            sx={{ maxWidth: 320 }}
                        />
                        {busy && <LinearProgress />}
                        {error && <Alert severity="error">{error}</Alert>}
                        {result && <ImportResultView result={result} />}
                    </Stack>
                </DialogContent>
                <DialogActions>
                    <Button label="ra.action.close" onClick={close} disabled={busy} />
                    <Button
                        label="resources.trades.simulate.submit"
                        variant="contained"
                        onClick={run}
                        disabled={seed === null || busy || !!result}
                    />
                </DialogActions>
            </Dialog>
        </>
    );
};
