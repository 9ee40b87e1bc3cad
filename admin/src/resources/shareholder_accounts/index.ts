import BadgeIcon from '@mui/icons-material/Badge';
import type { RaRecord, ResourceProps } from 'react-admin';
import { ShareholderAccountCreate } from './ShareholderAccountCreate';
import { ShareholderAccountList } from './ShareholderAccountList';

export const shareholder_accounts: ResourceProps = {
    name: 'shareholder_accounts',
    list: ShareholderAccountList,
    create: ShareholderAccountCreate,
    icon: BadgeIcon,
    recordRepresentation: (record: RaRecord) => `${record.market} ${record.code}`,
};
