import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import type { ResourceProps } from 'react-admin';
import { PositionList } from './PositionList';
import { PositionTransfer } from './PositionTransfer';

export const positions: ResourceProps = {
    name: 'positions',
    list: PositionList,
    // 转托管 (custody transfer in/out) is how holdings are "created" at the counter
    create: PositionTransfer,
    icon: AccountBalanceWalletIcon,
    recordRepresentation: (record) => `${record.code} ${record.name ?? ''}`.trim(),
};
