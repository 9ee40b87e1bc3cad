import { Alert, Box, Chip, Paper, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Title, useGetOne, useRequireAccess, useTranslate, type RaRecord } from 'react-admin';
import { BatchOrderForm } from './BatchOrderForm';
import { ClientHoldingsPanel } from './ClientHoldingsPanel';
import { ClientOrdersPanel } from './ClientOrdersPanel';
import { ClientPicker } from './ClientPicker';
import { typedCode, type OrderSide } from './orderLogic';
import { OrderTicket, type TicketPreset } from './OrderTicket';

/**
 * 柜台委托 (/counter/order): find the client, then enter one order (普通委托) or several
 * (批量委托); below, the client's holdings (click one to sell it) and latest orders (撤单).
 * ?client_id=…&code=…&side=sell opens it for a client and a holding (from the 证券余额 list).
 */
export const OrderEntryPage = () => {
    const { isPending } = useRequireAccess({ resource: 'orders', action: 'create' });
    const translate = useTranslate();
    const [params] = useSearchParams();
    const initialClientId = Number(params.get('client_id'));
    const [client, setClient] = useState<RaRecord | null>(null);
    const [tab, setTab] = useState<'single' | 'batch'>('single');
    const [preset, setPreset] = useState<TicketPreset>({
        code: params.get('code') ?? undefined,
        side: params.get('side') === 'sell' ? 'sell' : params.get('side') === 'buy' ? 'buy' : undefined,
        seq: 0,
    });
    const { data: linked } = useGetOne(
        'clients',
        { id: initialClientId },
        { enabled: Number.isInteger(initialClientId) && initialClientId > 0 },
    );
    // biome-ignore lint/correctness/useExhaustiveDependencies: only a newly linked client fills the ticket; a client the teller picked stays
    useEffect(() => {
        if (linked && !client) setClient(linked);
    }, [linked]);

    if (isPending) return null;

    const pickHolding = (holding: RaRecord) => {
        setTab('single');
        setPreset((p) => ({
            code: typedCode(String(holding.market), String(holding.code)),
            side: 'sell' as OrderSide,
            quantity: Number(holding.sellable) > 0 ? String(holding.sellable) : '',
            seq: (p.seq ?? 0) + 1,
        }));
    };

    return (
        // a one-column grid: wide tables scroll inside their panels instead of widening the page
        <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 2, mt: 1, mb: 2 }}>
            <Title title="counter.order.title" />
            <Paper variant="outlined" sx={{ p: 2 }}>
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
                    <ClientPicker value={client} onChange={setClient} autoFocus={!client} />
                    {client && <ClientSummary client={client} />}
                </Stack>
            </Paper>
            {client && client.status !== 'normal' && (
                <Alert severity="warning">
                    {translate('counter.order.client_not_normal', {
                        status: translate(`resources.clients.status.${client.status}`, { _: client.status }),
                    })}
                </Alert>
            )}
            <Box>
                <Tabs value={tab} onChange={(_, value) => setTab(value)} sx={{ mb: 2 }}>
                    <Tab value="single" label={translate('counter.order.tabs.single')} />
                    <Tab value="batch" label={translate('counter.order.tabs.batch')} />
                </Tabs>
                {/* a ticket per client: another client starts a fresh ticket with a fresh idempotency key */}
                {tab === 'single' ? (
                    <OrderTicket key={String(client?.id ?? 'none')} client={client} preset={preset} />
                ) : (
                    <BatchOrderForm key={String(client?.id ?? 'none')} client={client} />
                )}
            </Box>
            {client && (
                <>
                    <ClientHoldingsPanel clientId={client.id} onPick={pickHolding} />
                    <ClientOrdersPanel clientId={client.id} />
                </>
            )}
        </Box>
    );
};

const ClientSummary = ({ client }: { client: RaRecord }) => {
    const translate = useTranslate();
    return (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <Typography variant="subtitle1">{client.name}</Typography>
            <Typography color="text.secondary">{client.client_no}</Typography>
            <Chip
                size="small"
                color={client.status === 'normal' ? 'success' : 'warning'}
                variant={client.status === 'normal' ? 'outlined' : 'filled'}
                label={translate(`resources.clients.status.${client.status}`, { _: client.status })}
            />
            {(['counter', 'phone', 'online'] as const)
                .filter((channel) => client[`allow_${channel}`] === false)
                .map((channel) => (
                    <Chip
                        key={channel}
                        size="small"
                        variant="outlined"
                        label={translate('counter.order.channel_blocked', {
                            channel: translate(`resources.orders.channel.${channel}`),
                        })}
                    />
                ))}
        </Stack>
    );
};
