import {
    Alert,
    Box,
    Chip,
    LinearProgress,
    MenuItem,
    Paper,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    TextField,
    ToggleButton,
    ToggleButtonGroup,
    Typography,
} from '@mui/material';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useCanAccess, useGetList, useLocaleState, useTranslate, type RaRecord } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { API_URL, httpClient } from '../providers/httpClient';
import { useDebouncedQuery } from '../providers/useDebouncedQuery';
import { dictLabel, isEnglish } from '../auto/labels';
import { useResourceMeta } from '../auto/meta';
import {
    buildPreviewRequest,
    DEFAULT_SAMPLE,
    FEE_ITEMS,
    isDraftSource,
    localToday,
    PREVIEW_ROWS,
    samplePatchForScope,
    type PreviewResult,
    type SampleTrade,
} from './feePreview';

const DRAFT_FIELDS = [
    'id',
    'fee_item',
    'scope',
    'scope_value',
    'side',
    'rate',
    'min_fee',
    'effective_from',
    'effective_to',
] as const;
const DEBOUNCE_MS = 300;
const TOTAL_ROWS = new Set(['total_fees', 'net_amount']);

/** The server's refusal of a draft: its field messages (already in the operator's language), else its message. */
const refusalText = (error: unknown) => {
    const fields = (error as { body?: { error?: { fields?: Record<string, unknown> } } })?.body?.error?.fields;
    const detail = fields ? Object.values(fields).map(String).join('；') : '';
    return detail || (error as Error).message;
};

/** The sample trade's inputs are not part of the schedule form: Enter must not submit it. */
const noSubmit = (e: KeyboardEvent) => {
    if (e.key === 'Enter') e.preventDefault();
};

/** Market choices for the sample: the markets table when the operator may read it. */
const useMarketChoices = () => {
    const { canAccess } = useCanAccess({ resource: 'markets', action: 'list' });
    const [locale] = useLocaleState();
    const { data } = useGetList<RaRecord>(
        'markets',
        { pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' }, filter: {} },
        { enabled: !!canAccess, staleTime: 5 * 60_000 },
    );
    return (data ?? []).map((m) => ({
        id: String(m.code),
        name: `${m.code} ${isEnglish(locale) ? (m.name_en ?? m.name_zh ?? '') : (m.name_zh ?? '')}`.trim(),
    }));
};

/** Client classes from the data dictionary, when the operator may read it. */
const useClientClasses = () => {
    const { canAccess } = useCanAccess({ resource: 'dictionary', action: 'list' });
    const [locale] = useLocaleState();
    const { data } = useGetList<RaRecord>(
        'dictionary',
        {
            pagination: { page: 1, perPage: 100 },
            sort: { field: 'sort_order', order: 'ASC' },
            filter: { category: 'client_class' },
        },
        { enabled: !!canAccess, staleTime: 5 * 60_000 },
    );
    return (data ?? []).map((d) => ({
        id: String(d.code),
        name: String((isEnglish(locale) ? d.label_en : d.label_zh) || d.code),
    }));
};

/**
 * Live fee preview beside the fee-schedule form: a sample trade's fees under the schedules in
 * force on the form's effective date, with the schedule being edited applied as a draft
 * (POST /api/fee_schedules/preview, debounced). Every amount is the server's exact string.
 * Must be rendered inside the form (it reads the draft with useWatch).
 */
export const FeePreview = () => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const { data: meta } = useResourceMeta();
    const values = useWatch({ name: DRAFT_FIELDS as unknown as string[] }) as unknown[];
    const form = useMemo(() => Object.fromEntries(DRAFT_FIELDS.map((k, i) => [k, values?.[i]])), [values]);
    const [sample, setSample] = useState<SampleTrade>(DEFAULT_SAMPLE);
    const markets = useMarketChoices();
    const classes = useClientClasses();
    const plan = useMemo(() => buildPreviewRequest(form, sample, localToday()), [form, sample]);
    const preview = useDebouncedQuery(
        'fee_preview',
        plan.ok ? JSON.stringify(plan.body) : null,
        async (body) => (await httpClient(`${API_URL}/fee_schedules/preview`, { method: 'POST', body })).json,
        DEBOUNCE_MS,
    );
    const state = {
        busy: preview.pending,
        result: preview.isError ? undefined : (preview.data as PreviewResult | undefined),
        error: preview.isError ? refusalText(preview.error) : undefined,
    };

    const set = (patch: Partial<SampleTrade>) => setSample((s) => ({ ...s, ...patch }));

    // A schedule for a client class or a market is best seen on a trade it applies to.
    const scope = String(form.scope ?? '');
    const scopeValue = String(form.scope_value ?? '').trim();
    useEffect(() => {
        const patch = samplePatchForScope(scope, scopeValue);
        if (patch) setSample((s) => ({ ...s, ...patch }));
    }, [scope, scopeValue]);
    const draftId = plan.ok && plan.draftIncluded ? (plan.body.draft?.id ?? -1) : undefined;
    const sourceText = (item: string) => {
        const source = state.result?.sources?.[item];
        if (!source) return translate('auto.fees.source_none');
        const scope = dictLabel(meta?.dictionary, 'fee_scope', source.scope, locale);
        const rate = translate('auto.fees.source_rate', { rate: source.rate });
        const where = [scope, source.scope_value].filter(Boolean).join(' ');
        return `${source.id > 0 ? `#${source.id} ` : ''}${where} · ${rate}`;
    };

    return (
        <Paper variant="outlined" sx={{ p: 2, position: 'sticky', top: 72 }}>
            <Typography variant="h6" sx={{ mb: 1.5 }}>
                {translate('auto.fees.title')}
            </Typography>
            <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 1 }}>
                {translate('auto.fees.sample')}
            </Typography>
            <Box
                sx={{
                    display: 'grid',
                    gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))',
                    gap: 1.5,
                    mb: 1.5,
                }}
            >
                <TextField
                    size="small"
                    label={translate('auto.fees.code')}
                    value={sample.code}
                    onChange={(e) => set({ code: e.target.value.trim() })}
                    onKeyDown={noSubmit}
                    slotProps={{ htmlInput: { maxLength: 6, inputMode: 'numeric' } }}
                />
                {markets.length > 0 ? (
                    <TextField
                        select
                        size="small"
                        label={translate('auto.fees.market')}
                        value={sample.market}
                        onChange={(e) => set({ market: e.target.value })}
                    >
                        {markets.map((m) => (
                            <MenuItem key={m.id} value={m.id}>
                                {m.name}
                            </MenuItem>
                        ))}
                    </TextField>
                ) : (
                    <TextField
                        size="small"
                        label={translate('auto.fees.market')}
                        value={sample.market}
                        onChange={(e) => set({ market: e.target.value.trim() })}
                        onKeyDown={noSubmit}
                    />
                )}
                <TextField
                    size="small"
                    label={translate('auto.fees.price')}
                    value={sample.price}
                    onChange={(e) => set({ price: e.target.value.trim() })}
                    onKeyDown={noSubmit}
                    slotProps={{ htmlInput: { inputMode: 'decimal' } }}
                />
                <TextField
                    size="small"
                    label={translate('auto.fees.quantity')}
                    value={sample.quantity}
                    onChange={(e) => set({ quantity: e.target.value.trim() })}
                    onKeyDown={noSubmit}
                    slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                />
                {classes.length > 0 ? (
                    <TextField
                        select
                        size="small"
                        label={translate('auto.fees.client_class')}
                        value={sample.client_class}
                        onChange={(e) => set({ client_class: e.target.value })}
                        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
                    >
                        <MenuItem value="">{translate('auto.fees.any_class')}</MenuItem>
                        {classes.map((c) => (
                            <MenuItem key={c.id} value={c.id}>
                                {c.name}
                            </MenuItem>
                        ))}
                    </TextField>
                ) : (
                    <TextField
                        size="small"
                        label={translate('auto.fees.client_class')}
                        value={sample.client_class}
                        onChange={(e) => set({ client_class: e.target.value.trim() })}
                        onKeyDown={noSubmit}
                    />
                )}
                <ToggleButtonGroup
                    exclusive
                    size="small"
                    value={sample.side}
                    onChange={(_e, side) => side && set({ side })}
                    aria-label={translate('auto.fees.side')}
                >
                    <ToggleButton value="buy" sx={{ flex: 1 }}>
                        {translate('auto.fees.buy')}
                    </ToggleButton>
                    <ToggleButton value="sell" sx={{ flex: 1 }}>
                        {translate('auto.fees.sell')}
                    </ToggleButton>
                </ToggleButtonGroup>
            </Box>
            {!plan.ok && <Alert severity="warning">{translate('auto.fees.invalid_sample')}</Alert>}
            {plan.ok && (
                <>
                    <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 0.5 }}>
                        {translate(plan.draftIncluded ? 'auto.fees.date' : 'auto.fees.date_no_draft', {
                            date: plan.body.date,
                        })}
                    </Typography>
                    {!plan.draftIncluded && (
                        <Alert severity="info" sx={{ mb: 1 }}>
                            {translate('auto.fees.draft_incomplete')}
                        </Alert>
                    )}
                    <Box sx={{ height: 4 }}>{state.busy && <LinearProgress />}</Box>
                    {state.error && (
                        <Alert severity="error">{translate('auto.fees.failed', { message: state.error })}</Alert>
                    )}
                    {state.result && !state.error && (
                        <Table
                            size="small"
                            aria-label={translate('auto.fees.title')}
                            sx={{ opacity: state.busy ? 0.6 : 1 }}
                        >
                            <TableHead>
                                <TableRow>
                                    <TableCell>{translate('auto.fees.item')}</TableCell>
                                    <TableCell align="right">{translate('auto.fees.amount')}</TableCell>
                                    <TableCell>{translate('auto.fees.source')}</TableCell>
                                </TableRow>
                            </TableHead>
                            <TableBody>
                                {PREVIEW_ROWS.map((row) => {
                                    const isItem = (FEE_ITEMS as readonly string[]).includes(row);
                                    const source = state.result?.sources?.[row];
                                    return (
                                        <TableRow
                                            key={row}
                                            sx={TOTAL_ROWS.has(row) ? { '& td': { fontWeight: 700 } } : undefined}
                                        >
                                            <TableCell>{translate(`auto.fees.items.${row}`)}</TableCell>
                                            <TableCell
                                                align="right"
                                                sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
                                            >
                                                {state.result?.[row] ?? '—'}
                                            </TableCell>
                                            <TableCell sx={{ color: 'text.secondary', fontSize: 12 }}>
                                                {isItem && (
                                                    <>
                                                        {isDraftSource(source, draftId) && (
                                                            <Chip
                                                                size="small"
                                                                color="primary"
                                                                label={translate('auto.fees.source_draft')}
                                                                sx={{ mr: 0.5, height: 20 }}
                                                            />
                                                        )}
                                                        {sourceText(row)}
                                                    </>
                                                )}
                                            </TableCell>
                                        </TableRow>
                                    );
                                })}
                            </TableBody>
                        </Table>
                    )}
                </>
            )}
        </Paper>
    );
};
