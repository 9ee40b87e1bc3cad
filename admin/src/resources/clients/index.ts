import PersonIcon from '@mui/icons-material/Person';
import type { RaRecord, ResourceProps } from 'react-admin';
import { ClientCreate } from './ClientCreate';
import { ClientEdit } from './ClientEdit';
import { ClientList } from './ClientList';
import { ClientShow } from './ClientShow';

export const clients: ResourceProps = {
    name: 'clients',
    list: ClientList,
    show: ClientShow,
    edit: ClientEdit,
    create: ClientCreate,
    icon: PersonIcon,
    recordRepresentation: (record: RaRecord) => `${record.name} (${record.client_no})`,
};

export { clientMessages } from './messages';
