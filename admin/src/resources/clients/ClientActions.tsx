import { EditButton, ListButton, ShowButton, TopToolbar, useRecordContext } from 'react-admin';
import { ClientCashButton } from './ClientCashButton';
import { ClientStatusButtons } from './ClientStatusButtons';
import { SettleInterestButton } from './SettleInterestButton';

/** Toolbar of the client page and edit page; each button hides itself without the right. */
export const ClientActions = ({ view }: { view: 'show' | 'edit' }) => {
    const record = useRecordContext();
    const open = record && record.status !== 'closed';
    return (
        <TopToolbar>
            {view === 'show' && <ClientCashButton />}
            {view === 'show' && <SettleInterestButton />}
            <ClientStatusButtons />
            {view === 'show' ? open && <EditButton /> : <ShowButton />}
            <ListButton />
        </TopToolbar>
    );
};
