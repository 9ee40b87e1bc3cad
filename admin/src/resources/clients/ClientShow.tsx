import { Show, TabbedShowLayout } from 'react-admin';
import { ClientActions } from './ClientActions';
import { ClientFundsTab } from './ClientFundsTab';
import { ClientHeader } from './ClientHeader';
import { ClientJournalTab } from './ClientJournalTab';
import { ClientProfileTab } from './ClientProfileTab';
import { ClientOrdersTab, ClientPositionsTab, ClientTradesTab } from './ClientTradingTabs';

/** 客户全景视图: the client, their cash and journal, holdings, orders and trades. */
export const ClientShow = () => (
    <Show actions={<ClientActions view="show" />}>
        <ClientHeader />
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="resources.clients.tabs.profile">
                <ClientProfileTab label={false} />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="resources.clients.tabs.funds" path="funds">
                <ClientFundsTab label={false} />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="resources.clients.tabs.journal" path="journal">
                <ClientJournalTab label={false} />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="resources.clients.tabs.positions" path="positions">
                <ClientPositionsTab label={false} />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="resources.clients.tabs.orders" path="orders">
                <ClientOrdersTab label={false} />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="resources.clients.tabs.trades" path="trades">
                <ClientTradesTab label={false} />
            </TabbedShowLayout.Tab>
        </TabbedShowLayout>
    </Show>
);
