import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import type { ResourceProps } from 'react-admin';
import { FundAccountList } from './FundAccountList';

export const fund_accounts: ResourceProps = {
    name: 'fund_accounts',
    list: FundAccountList,
    icon: AccountBalanceWalletIcon,
    recordRepresentation: 'account_no',
};
