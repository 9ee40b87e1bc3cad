import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import PlaylistAddIcon from '@mui/icons-material/PlaylistAdd';
import SendIcon from '@mui/icons-material/Send';
import { Alert, Box, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { API_URL, httpClient } from '../../providers/httpClient';
import { newIdempotencyKey } from '../fund_journal/idempotency';
import { BatchResultsTable, type SubmittedRow } from './BatchResultsTable';
import { BatchRowsTable, type EditableRow } from './BatchRowsTable';
import { MAX_BATCH, parseBatchLines, rowProblem, toBatchOrders, type BatchResult, type ParsedLine } from './batchLines';
import { ORDER_CHANNELS, type OrderChannel } from './orderLogic';

let nextRowKey = 1;
const blankRow = (): EditableRow => ({ key: nextRowKey++, code: '', side: 'buy', price: '', quantity: '' });

/**
 * 批量委托: rows pasted as "code,side,price,quantity" or typed, for one client and channel, sent
 * together to POST /api/orders/batch; each is placed or refused on its own. After an answer the
 * placed rows leave the list (shown with their order numbers) and the refused ones stay, with the
 * reason, to be corrected and sent again under a new key. Without an answer (network) the key is
 * kept, so sending again cannot place a row twice.
 */
export const BatchOrderForm = ({ client }: { client: RaRecord | null }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const [paste, setPaste] = useState('');
    const [pasteProblems, setPasteProblems] = useState<ParsedLine[]>([]);
    const [rows, setRows] = useState<EditableRow[]>([]);
    const [channel, setChannel] = useState<OrderChannel>('counter');
    const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
    const [results, setResults] = useState<SubmittedRow[]>([]);
    const [saving, setSaving] = useState(false);

    const addPasted = () => {
        const parsed = parseBatchLines(paste);
        const good = parsed.filter((p) => p.row).map((p) => ({ key: nextRowKey++, ...p.row! }));
        setRows((r) => [...r, ...good]);
        setPasteProblems(parsed.filter((p) => p.problem));
        if (good.length)
            setPaste(
                parsed
                    .filter((p) => p.problem)
                    .map((p) => p.text)
                    .join('\n'),
            );
    };

    const update = (key: number, patch: Partial<EditableRow>) =>
        setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch, error: undefined } : r)));
    const remove = (key: number) => setRows((rs) => rs.filter((r) => r.key !== key));

    const invalid = rows.some((r) => rowProblem(r));
    const canSubmit = !!client && rows.length > 0 && rows.length <= MAX_BATCH && !invalid && !saving;

    const submit = async () => {
        if (!canSubmit || !client) return;
        setSaving(true);
        const sent = rows;
        try {
            const { json } = await httpClient(`${API_URL}/orders/batch`, {
                method: 'POST',
                body: JSON.stringify({
                    orders: toBatchOrders(sent, Number(client.id), channel),
                    idempotency_key: idempotencyKey,
                }),
            });
            const answers = (json ?? []) as BatchResult[];
            const byIndex = new Map(answers.map((a) => [a.index, a]));
            const submitted = sent.map((row, index) => ({ ...row, result: byIndex.get(index) }));
            setResults(submitted);
            // the placed rows are done; the refused ones stay with their reason
            setRows(
                submitted.filter((s) => !s.result?.ok).map(({ result, ...row }) => ({ ...row, error: result?.error })),
            );
            setIdempotencyKey(newIdempotencyKey());
            const ok = submitted.filter((s) => s.result?.ok).length;
            notify('counter.batch.done', {
                type: ok === sent.length ? 'success' : ok ? 'warning' : 'error',
                messageArgs: { ok, failed: sent.length - ok },
            });
            refresh();
        } catch (error) {
            // the whole request failed (validation of the list, network): nothing to take off the list
            const fields = (error as { body?: { error?: { fields?: Record<string, string> } } }).body?.error?.fields;
            const message = fields
                ? Object.values(fields).join('；')
                : !(error as { status?: number }).status
                  ? translate('counter.order.network_error') // the same key makes sending again safe
                  : (error as Error).message || 'ra.notification.http_error';
            notify(message, { type: 'error', messageArgs: { _: message } });
        } finally {
            setSaving(false);
        }
    };

    return (
        <Stack spacing={2}>
            <Paper variant="outlined" sx={{ p: 2 }}>
                <Stack spacing={1}>
                    <TextField
                        multiline
                        minRows={3}
                        maxRows={12}
                        label={translate('counter.batch.paste')}
                        placeholder={'600519,买入,1452.00,100\n000001,卖出,11.56,1000'}
                        helperText={translate('counter.batch.paste_helper')}
                        value={paste}
                        onChange={(e) => setPaste(e.target.value)}
                        slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
                    />
                    <Box>
                        <Button
                            variant="outlined"
                            startIcon={<PlaylistAddIcon />}
                            onClick={addPasted}
                            disabled={!paste.trim()}
                        >
                            {translate('counter.batch.parse')}
                        </Button>
                    </Box>
                    {pasteProblems.length > 0 && (
                        <Alert severity="warning">
                            {pasteProblems.map((p) => (
                                <div key={p.line}>
                                    {translate('counter.batch.line_problem', {
                                        line: p.line,
                                        problem: translate(p.problem!),
                                    })}
                                </div>
                            ))}
                        </Alert>
                    )}
                </Stack>
            </Paper>
            <Paper variant="outlined" sx={{ p: 2 }}>
                <Stack spacing={1}>
                    <Typography variant="subtitle1">
                        {translate('counter.batch.rows', { smart_count: rows.length })}
                    </Typography>
                    {rows.length > 0 ? (
                        <BatchRowsTable rows={rows} onChange={update} onRemove={remove} />
                    ) : (
                        <Typography color="text.secondary">{translate('counter.batch.empty')}</Typography>
                    )}
                    {rows.length > MAX_BATCH && (
                        <Alert severity="error">{translate('counter.batch.too_many', { max: MAX_BATCH })}</Alert>
                    )}
                    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
                        <Button startIcon={<AddIcon />} onClick={() => setRows((r) => [...r, blankRow()])}>
                            {translate('counter.batch.add_row')}
                        </Button>
                        <Button startIcon={<DeleteIcon />} onClick={() => setRows([])} disabled={!rows.length}>
                            {translate('counter.batch.clear')}
                        </Button>
                        <TextField
                            select
                            size="small"
                            label={translate('counter.order.channel')}
                            value={channel}
                            onChange={(e) => setChannel(e.target.value as OrderChannel)}
                            fullWidth={false}
                            sx={{ width: 160 }}
                        >
                            {ORDER_CHANNELS.map((c) => (
                                <MenuItem key={c} value={c}>
                                    {translate(`resources.orders.channel.${c}`)}
                                </MenuItem>
                            ))}
                        </TextField>
                        <Box sx={{ flex: 1 }} />
                        <Button variant="contained" startIcon={<SendIcon />} disabled={!canSubmit} onClick={submit}>
                            {translate('counter.batch.submit', { smart_count: rows.length })}
                        </Button>
                    </Stack>
                    {!client && <Alert severity="info">{translate('counter.order.no_client')}</Alert>}
                </Stack>
            </Paper>
            {results.length > 0 && (
                <Paper variant="outlined" sx={{ p: 2 }}>
                    <Typography variant="subtitle1" sx={{ mb: 1 }}>
                        {translate('counter.batch.results_title')}
                    </Typography>
                    <BatchResultsTable rows={results} />
                </Paper>
            )}
        </Stack>
    );
};
