import PeopleIcon from '@mui/icons-material/People';
import type { ResourceProps } from 'react-admin';
import { OperatorCreate } from './OperatorCreate';
import { OperatorEdit } from './OperatorEdit';
import { OperatorList } from './OperatorList';
import { OperatorShow } from './OperatorShow';

export const operators: ResourceProps = {
    name: 'operators',
    list: OperatorList,
    show: OperatorShow,
    edit: OperatorEdit,
    create: OperatorCreate,
    icon: PeopleIcon,
    recordRepresentation: 'name',
};
