import { EditButton, ListButton, ShowButton, TopToolbar, useRecordContext } from 'react-admin';
import { ClientCashButton } from './ClientCashButton';
import { ClientStatusButtons } from './ClientStatusButtons';

/** Toolbar of the client page and edit page; each button hides itself without the right. */
export const ClientActions = ({ view }: { view: 'show' | 'edit' }) => {
    const record = useRecordContext();
    const open = record && record.status !== 'closed';
    return (
        <TopToolbar>
            {view === 'show' && <ClientCashButton />}
            <ClientStatusButtons />
            {view === 'show' ? open && <EditButton /> : <ShowButton />}
            <ListButton />
        </TopToolbar>
    );
};
