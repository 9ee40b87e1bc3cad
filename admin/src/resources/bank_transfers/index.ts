import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import type { ResourceProps } from 'react-admin';
import { BankTransferList } from './BankTransferList';

export const bank_transfers: ResourceProps = { name: 'bank_transfers', list: BankTransferList, icon: SwapHorizIcon };
