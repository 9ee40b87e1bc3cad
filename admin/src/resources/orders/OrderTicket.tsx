import SendIcon from '@mui/icons-material/Send';
import { Alert, Box, Button, MenuItem, Paper, Stack, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useMemo, useState, type FormEvent } from 'react';
import { useNotify, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { API_URL, httpClient } from '../../providers/httpClient';
import { AmountConfirmDialog } from '../fund_accounts/AmountConfirmDialog';
import { formatMoney } from '../fund_accounts/money';
import { newIdempotencyKey } from '../fund_journal/idempotency';
import { OpenShareholderAccountButton } from '../shareholder_accounts/OpenShareholderAccountButton';
import { EstimatePanel } from './EstimatePanel';
import {
    ORDER_CHANNELS,
    errorCodeOf,
    fieldErrors,
    priceInputProblem,
    quantityInputProblem,
    toEstimateRequest,
    toOrderRequest,
    type OrderChannel,
    type OrderForm,
    type OrderSide,
} from './orderLogic';
import { useOrderEstimate } from './useOrderEstimate';

export interface TicketPreset {
    code?: string;
    side?: OrderSide;
    quantity?: string;
    /** bumps when a holding is picked, to refill an existing ticket */
    seq?: number;
}

interface OrderTicketProps {
    client: RaRecord | null;
    preset: TicketPreset;
}

/** The inputs a server field message can be shown under; others (client_id) become a message. */
const ON_FORM: ReadonlySet<string> = new Set(['code', 'price', 'quantity', 'channel']);

const NUMERIC = { style: { textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' }, autoComplete: 'off' };

/**
 * 普通委托: one order for the client. While the clerk types, the estimate shows the security (from
 * the code alone), what the order would cost and what is wrong with it, in the server's words;
 * the submit button stays disabled until the estimate for
 * exactly these inputs has arrived without a problem. One idempotency key per ticket: a retry
 * (double click, lost answer) places the order once; after a success the key is renewed.
 */
export const OrderTicket = ({ client, preset }: OrderTicketProps) => {
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const [form, setForm] = useState<Omit<OrderForm, 'client_id'>>({
        code: preset.code ?? '',
        side: preset.side ?? 'buy',
        price: '',
        quantity: preset.quantity ?? '',
        channel: 'counter',
    });
    const [presetSeq, setPresetSeq] = useState(preset.seq);
    if (preset.seq !== presetSeq) {
        // a holding was picked below: sell it; the price of another security would be meaningless,
        // so the clerk types it or clicks a quote
        setPresetSeq(preset.seq);
        setForm((f) => ({
            ...f,
            code: preset.code ?? f.code,
            side: preset.side ?? f.side,
            price: '',
            quantity: preset.quantity ?? f.quantity,
        }));
    }
    const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
    const [submitErrors, setSubmitErrors] = useState<Record<string, string>>({});
    const [submitMessage, setSubmitMessage] = useState<string | null>(null);
    const [placed, setPlaced] = useState<RaRecord | null>(null);
    const [saving, setSaving] = useState(false);
    // a new revision asks for a new estimate of the same inputs (a shareholder account was opened)
    const [revision, setRevision] = useState(0);
    const [confirming, setConfirming] = useState(false);

    const typed = useMemo(() => ({ ...form, client_id: client ? Number(client.id) : null }), [form, client]);
    const estimateRequest = useMemo(() => toEstimateRequest(typed), [typed]);
    const request = useMemo(() => toOrderRequest(typed), [typed]);
    const {
        estimate,
        lastEstimate,
        lastRequest,
        errors: estimateErrors,
        message,
        pending,
    } = useOrderEstimate(estimateRequest, revision);
    // while the next estimate is on its way the last one stays (dimmed), if it was asked for the
    // same client and the same code as typed (the server says which security a code names)
    const shown =
        estimate ??
        (lastEstimate &&
        lastRequest &&
        estimateRequest &&
        lastRequest.client_id === estimateRequest.client_id &&
        lastRequest.code === estimateRequest.code
            ? lastEstimate
            : undefined);

    const set = (patch: Partial<typeof form>) => {
        setForm((f) => ({ ...f, ...patch }));
        setSubmitErrors({});
        setSubmitMessage(null);
    };

    const inputError = (field: 'code' | 'price' | 'quantity' | 'channel'): string | undefined => {
        if (submitErrors[field]) return submitErrors[field];
        if (estimateErrors[field]) return estimateErrors[field];
        if (field === 'price') {
            const key = priceInputProblem(form.price);
            return key ? translate(key) : undefined;
        }
        if (field === 'quantity') {
            const key = quantityInputProblem(form.quantity);
            return key ? translate(key) : undefined;
        }
        return undefined;
    };
    // a field error of the estimate for an input not on this form (client_id) is shown as a message
    const otherEstimateError = Object.entries(estimateErrors).find(([k]) => !ON_FORM.has(k))?.[1];

    const problem = estimate?.problem ?? null;
    const canSubmit =
        !!client &&
        !!request &&
        !!estimate?.fees &&
        !pending &&
        !problem &&
        !saving &&
        Object.keys(estimateErrors).length === 0;

    // Enter submits like the button; a large order (the estimate says so) only opens the confirmation
    const submit = (event: FormEvent) => {
        event.preventDefault();
        if (!canSubmit || !request) return;
        if (estimate?.confirm) setConfirming(true);
        else void place();
    };

    const place = async () => {
        if (!canSubmit || !request) return;
        setSaving(true);
        try {
            const { json } = await httpClient(`${API_URL}/orders`, {
                method: 'POST',
                body: JSON.stringify({ ...request, idempotency_key: idempotencyKey }),
            });
            setPlaced(json as RaRecord);
            notify('counter.order.placed', { type: 'success', messageArgs: { order_no: (json as RaRecord).order_no } });
            setIdempotencyKey(newIdempotencyKey());
            setForm((f) => ({ ...f, quantity: '' }));
            refresh();
        } catch (error) {
            if (errorCodeOf(error) === 'IDEMPOTENCY_CONFLICT') {
                // an earlier attempt with this key went through with other inputs: look before retrying
                setIdempotencyKey(newIdempotencyKey());
                setSubmitMessage(translate('counter.order.idempotency_conflict'));
                refresh();
            } else if (!(error as { status?: number }).status) {
                // no answer (network): the order may have been placed; the same key makes a retry safe
                setSubmitMessage(translate('counter.order.network_error'));
            } else {
                const fields = fieldErrors(error);
                setSubmitErrors(fields);
                const hidden = Object.entries(fields).filter(([k]) => !ON_FORM.has(k));
                setSubmitMessage(
                    hidden.length
                        ? hidden.map(([, v]) => v).join('；')
                        : Object.keys(fields).length
                          ? null
                          : (error as Error).message,
                );
            }
        } finally {
            setSaving(false);
            setConfirming(false);
        }
    };

    const codeError = inputError('code');
    const priceError = inputError('price');
    const quantityError = inputError('quantity');
    const channelError = inputError('channel');
    const sellable: number | undefined = shown?.sellable;

    return (
        <Box
            sx={{
                display: 'grid',
                gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(300px, 380px) minmax(0, 1fr)' },
                gap: 2,
                alignItems: 'start',
            }}
        >
            <Paper variant="outlined" sx={{ p: 2 }}>
                <form onSubmit={submit} noValidate>
                    <Stack spacing={2}>
                        <ToggleButtonGroup
                            exclusive
                            fullWidth
                            value={form.side}
                            onChange={(_, side: OrderSide | null) => side && set({ side })}
                            aria-label={translate('resources.orders.fields.side')}
                        >
                            <ToggleButton value="buy" color="error">
                                {translate('resources.orders.side.buy')}
                            </ToggleButton>
                            <ToggleButton value="sell" color="success">
                                {translate('resources.orders.side.sell')}
                            </ToggleButton>
                        </ToggleButtonGroup>
                        <TextField
                            label={translate('counter.order.code')}
                            value={form.code}
                            onChange={(e) => set({ code: e.target.value })}
                            error={!!codeError}
                            helperText={codeError ?? translate('counter.order.code_helper')}
                            slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false } }}
                        />
                        <TextField
                            label={translate('counter.order.price')}
                            value={form.price}
                            onChange={(e) => set({ price: e.target.value })}
                            error={!!priceError}
                            helperText={priceError ?? ' '}
                            slotProps={{ htmlInput: { ...NUMERIC, inputMode: 'decimal' } }}
                        />
                        <TextField
                            label={translate('counter.order.quantity')}
                            value={form.quantity}
                            onChange={(e) => set({ quantity: e.target.value })}
                            error={!!quantityError}
                            helperText={
                                quantityError ??
                                (form.side === 'sell' && sellable !== undefined ? (
                                    <Button
                                        size="small"
                                        sx={{ p: 0, minWidth: 0 }}
                                        disabled={!sellable}
                                        onClick={() => set({ quantity: String(sellable) })}
                                    >
                                        {translate('counter.order.sell_all', {
                                            quantity: sellable.toLocaleString('en-US'),
                                        })}
                                    </Button>
                                ) : (
                                    ' '
                                ))
                            }
                            slotProps={{ htmlInput: { ...NUMERIC, inputMode: 'numeric' } }}
                        />
                        <TextField
                            select
                            label={translate('counter.order.channel')}
                            value={form.channel}
                            onChange={(e) => set({ channel: e.target.value as OrderChannel })}
                            error={!!channelError}
                            helperText={channelError ?? ' '}
                        >
                            {ORDER_CHANNELS.map((c) => (
                                <MenuItem key={c} value={c}>
                                    {translate(`resources.orders.channel.${c}`)}
                                </MenuItem>
                            ))}
                        </TextField>
                        {(submitMessage || otherEstimateError) && (
                            <Alert severity="error">{submitMessage ?? otherEstimateError}</Alert>
                        )}
                        <Button
                            type="submit"
                            variant="contained"
                            size="large"
                            color={form.side === 'buy' ? 'error' : 'success'}
                            disabled={!canSubmit}
                            startIcon={<SendIcon />}
                        >
                            {translate(form.side === 'buy' ? 'counter.order.submit_buy' : 'counter.order.submit_sell')}
                        </Button>
                        {placed && (
                            <Alert severity="success" onClose={() => setPlaced(null)}>
                                {translate('counter.order.placed', { order_no: placed.order_no })}
                            </Alert>
                        )}
                    </Stack>
                </form>
            </Paper>
            <Paper variant="outlined" sx={{ p: 2 }}>
                <EstimatePanel
                    shareholderAction={
                        client && shown ? (
                            <OpenShareholderAccountButton
                                clientId={client.id}
                                clientName={String(client.name ?? '')}
                                market={shown.security.market}
                                onOpened={() => setRevision((r) => r + 1)}
                            />
                        ) : undefined
                    }
                    side={form.side}
                    estimate={shown}
                    stale={!estimate}
                    pending={pending}
                    message={Object.keys(estimateErrors).length === 0 ? message : undefined}
                    quantity={request?.quantity ?? null}
                    onPickPrice={(price) => set({ price })}
                />
            </Paper>
            {confirming && estimate?.fees && client && (
                <AmountConfirmDialog
                    open
                    title="counter.confirm.title"
                    titleArgs={{
                        side: translate(`resources.orders.side.${form.side}`),
                        code: estimate.security.code,
                        name: estimate.security.name,
                    }}
                    facts={[
                        { label: 'counter.confirm.client', value: `${client.name} ${client.client_no}` },
                        {
                            label: 'counter.confirm.security',
                            value: `${estimate.security.market} ${estimate.security.code} ${estimate.security.name}`,
                        },
                        {
                            label: 'counter.confirm.price_quantity',
                            value: translate('counter.confirm.price_quantity_value', {
                                price: request?.price ?? '',
                                quantity: (request?.quantity ?? 0).toLocaleString('en-US'),
                            }),
                        },
                        { label: 'counter.confirm.amount', value: formatMoney(estimate.fees.amount) },
                    ]}
                    amountLabel={form.side === 'buy' ? 'counter.confirm.buy_amount' : 'counter.confirm.sell_amount'}
                    amount={estimate.fees.net_amount}
                    confirmLabel={form.side === 'buy' ? 'counter.confirm.submit_buy' : 'counter.confirm.submit_sell'}
                    confirmColor={form.side === 'buy' ? 'error' : 'success'}
                    pending={saving}
                    onConfirm={() => void place()}
                    onCancel={() => setConfirming(false)}
                />
            )}
        </Box>
    );
};
