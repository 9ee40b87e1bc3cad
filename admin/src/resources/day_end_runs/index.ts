import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import type { ResourceProps } from 'react-admin';
import { DayEndRunList } from './DayEndRunList';
import { DayEndRunShow } from './DayEndRunShow';

export const day_end_runs: ResourceProps = {
    name: 'day_end_runs',
    list: DayEndRunList,
    show: DayEndRunShow,
    icon: EventAvailableIcon,
};
