import SwapVertIcon from '@mui/icons-material/SwapVert';
import type { ResourceProps } from 'react-admin';
import { TradeList } from './TradeList';

export const trades: ResourceProps = {
    name: 'trades',
    list: TradeList,
    icon: SwapVertIcon,
    recordRepresentation: 'trade_no',
};
