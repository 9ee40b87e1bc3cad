import {
    Alert,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    TextField,
    MenuItem,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useCanAccess, useGetIdentity, useLocaleState, useTranslate } from 'react-admin';
import { downloadFile } from '../../auto/download';
import { httpClient } from '../../providers/httpClient';

interface Result {
    ours: number;
    theirs: number;
    matched: number;
    net_ours: string;
    net_theirs: string;
    unreadable_lines: number[];
    mismatches: { journal_id: number; line?: number; problem: string; ours?: string; theirs?: string }[];
}

interface ClearingBank {
    code: string;
    name_zh: string;
    name_en: string;
    status: string;
}

/**
 * 银行清算: the day's detail file for a bank, and reconciliation of the bank's statement against it.
 * The bank is chosen by name from the banks the branch clears with (GET /bank_transfers/banks,
 * under the clearing right itself: the clerk need not read the bank parameters).
 */
export const BankClearingButtons = () => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const { identity } = useGetIdentity();
    const { canAccess } = useCanAccess({ resource: 'bank_transfers', action: 'export' });
    const [open, setOpen] = useState(false);
    const [chosen, setBank] = useState<string | null>(null);
    const { data: banks } = useQuery({
        queryKey: ['bank_transfers', 'banks'],
        queryFn: async () => (await httpClient('/api/bank_transfers/banks')).json as ClearingBank[],
        enabled: canAccess === true && open,
        staleTime: 5 * 60_000,
    });
    const bank = chosen ?? banks?.find((b) => b.status === 'active')?.code ?? banks?.[0]?.code ?? '';
    const bankName = (b: ClearingBank) => (locale.startsWith('en') ? b.name_en || b.name_zh : b.name_zh) || b.code;
    const [date, setDate] = useState<string>('');
    const [result, setResult] = useState<Result | null>(null);
    const [error, setError] = useState<string | null>(null);
    if (!canAccess) return null;
    const day = date || (identity?.business_date as string | undefined) || '';
    const query = `date=${encodeURIComponent(day)}&bank=${encodeURIComponent(bank)}`;
    const upload = async (file: File) => {
        setError(null);
        setResult(null);
        try {
            const { json } = await httpClient(`/api/bank_transfers/reconcile?${query}`, {
                method: 'POST',
                headers: new Headers({ 'Content-Type': 'text/csv' }),
                body: await file.text(),
            });
            setResult(json as Result);
        } catch (e) {
            setError((e as Error).message);
        }
    };
    return (
        <>
            <Button label="resources.bank_transfers.clearing.open" onClick={() => setOpen(true)}>
                <FactCheckIcon />
            </Button>
            <Dialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth>
                <DialogTitle>{translate('resources.bank_transfers.clearing.title')}</DialogTitle>
                <DialogContent>
                    <Stack direction="row" spacing={2} sx={{ my: 1 }}>
                        <TextField
                            select
                            label={translate('resources.bank_transfers.fields.bank_code')}
                            value={banks?.some((b) => b.code === bank) ? bank : ''}
                            onChange={(e) => {
                                setBank(e.target.value);
                                setResult(null);
                                setError(null);
                            }}
                            size="small"
                            sx={{ minWidth: 200 }}
                            slotProps={{ htmlInput: { 'data-testid': 'clearing-bank' } }}
                        >
                            {(banks ?? []).map((b) => (
                                <MenuItem key={b.code} value={b.code}>
                                    {bankName(b)}
                                </MenuItem>
                            ))}
                        </TextField>
                        <TextField
                            label={translate('resources.bank_transfers.fields.business_date')}
                            type="date"
                            value={day}
                            onChange={(e) => setDate(e.target.value)}
                            size="small"
                            slotProps={{ inputLabel: { shrink: true } }}
                        />
                        <Button
                            label="resources.bank_transfers.clearing.detail"
                            disabled={!bank}
                            onClick={() =>
                                downloadFile(`/api/bank_transfers/detail?${query}`, `bank-detail-${bank}-${day}.csv`)
                            }
                        >
                            <DownloadIcon />
                        </Button>
                        <Button label="resources.bank_transfers.clearing.statement" component="label" disabled={!bank}>
                            <FactCheckIcon />
                            <input
                                hidden
                                type="file"
                                accept=".csv,text/csv"
                                onChange={(e) => e.target.files?.[0] && upload(e.target.files[0])}
                            />
                        </Button>
                    </Stack>
                    {error && <Alert severity="error">{error}</Alert>}
                    {result && (
                        <>
                            <Alert severity={result.mismatches.length ? 'warning' : 'success'} sx={{ my: 1 }}>
                                {translate('resources.bank_transfers.clearing.summary', {
                                    ...result,
                                    differences: result.mismatches.length,
                                })}
                            </Alert>
                            {result.mismatches.length > 0 && (
                                <Table size="small">
                                    <TableHead>
                                        <TableRow>
                                            <TableCell>
                                                {translate('resources.bank_transfers.clearing.serial')}
                                            </TableCell>
                                            <TableCell>
                                                {translate('resources.bank_transfers.clearing.problem')}
                                            </TableCell>
                                            <TableCell>{translate('resources.bank_transfers.clearing.ours')}</TableCell>
                                            <TableCell>
                                                {translate('resources.bank_transfers.clearing.theirs')}
                                            </TableCell>
                                        </TableRow>
                                    </TableHead>
                                    <TableBody>
                                        {result.mismatches.map((m) => (
                                            <TableRow key={`${m.journal_id}-${m.line ?? 'x'}`}>
                                                <TableCell>{m.journal_id}</TableCell>
                                                <TableCell>
                                                    {translate(
                                                        `resources.bank_transfers.clearing.problems.${m.problem}`,
                                                    )}
                                                </TableCell>
                                                <TableCell>{m.ours ?? ''}</TableCell>
                                                <TableCell>{m.theirs ?? ''}</TableCell>
                                            </TableRow>
                                        ))}
                                    </TableBody>
                                </Table>
                            )}
                        </>
                    )}
                </DialogContent>
                <DialogActions>
                    <Button label="ra.action.close" onClick={() => setOpen(false)} />
                </DialogActions>
            </Dialog>
        </>
    );
};
