import StoreIcon from '@mui/icons-material/Store';
import type { ResourceProps } from 'react-admin';
import { BranchList } from './BranchList';
import { BranchShow } from './BranchShow';

export const branches: ResourceProps = {
    name: 'branches',
    list: BranchList,
    show: BranchShow,
    icon: StoreIcon,
    recordRepresentation: 'name',
};
