import { LinearProgress } from '@mui/material';
import {
    Create,
    SaveButton,
    SimpleForm,
    Toolbar,
    useNotify,
    useRedirect,
    useTranslate,
    type RaRecord,
} from 'react-admin';
import { useShareholderMarkets } from '../shareholder_accounts/useShareholderMarkets';
import { ClientInputs } from './ClientInputs';
import { DEFAULT_MARKETS, toClientCreate } from './clientChoices';

const DEFAULTS = {
    client_class: 'retail',
    client_manager_id: null,
    allow_counter: true,
    allow_phone: true,
    allow_online: true,
    markets: DEFAULT_MARKETS,
};

const OpenToolbar = () => (
    <Toolbar>
        <SaveButton label="resources.clients.page.create" />
    </Toolbar>
);

/**
 * 开户: the server opens the client, a CNY fund account and the shareholder accounts of the
 * markets ticked (沪A and 深A by default) together, so the client can trade at once; then the new
 * client's page.
 */
export const ClientCreate = () => {
    const notify = useNotify();
    const redirect = useRedirect();
    const translate = useTranslate();
    const { markets, isPending } = useShareholderMarkets();
    const offered = markets.map((m) => m.code);
    const onSuccess = (data: RaRecord) => {
        const holders = (data.shareholder_accounts ?? []) as { market: string; code: string }[];
        notify(
            holders.length ? 'resources.clients.messages.created_with_holders' : 'resources.clients.messages.created',
            {
                type: 'success',
                messageArgs: {
                    client_no: data.client_no,
                    holders: holders
                        .map((h) =>
                            translate('resources.clients.messages.holder', {
                                market: translate(`counter.markets.${h.market}`, { _: h.market }),
                                code: h.code,
                            }),
                        )
                        .join(translate('resources.clients.messages.list_separator')),
                },
            },
        );
        redirect('show', 'clients', data.id);
    };
    // the form waits for the markets, so the default ticks meet their boxes
    if (isPending) return <LinearProgress sx={{ mt: 2 }} />;
    return (
        <Create
            title="resources.clients.page.create"
            transform={(data: Record<string, unknown>) => toClientCreate(data, offered)}
            mutationOptions={{ onSuccess }}
        >
            <SimpleForm defaultValues={DEFAULTS} sx={{ maxWidth: 720 }} toolbar={<OpenToolbar />}>
                <ClientInputs mode="create" markets={markets} />
            </SimpleForm>
        </Create>
    );
};
