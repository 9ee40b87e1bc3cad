import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import type { ResourceProps } from 'react-admin';
import { FundJournalCreate } from './FundJournalCreate';
import { FundJournalList } from './FundJournalList';
import { FundJournalShow } from './FundJournalShow';

export const fund_journal: ResourceProps = {
    name: 'fund_journal',
    list: FundJournalList,
    create: FundJournalCreate,
    show: FundJournalShow,
    icon: ReceiptLongIcon,
    recordRepresentation: 'id',
};
