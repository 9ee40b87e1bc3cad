import AdminPanelSettingsIcon from '@mui/icons-material/AdminPanelSettings';
import type { ResourceProps } from 'react-admin';
import { RoleCreate } from './RoleCreate';
import { RoleEdit } from './RoleEdit';
import { RoleList } from './RoleList';
import { RoleShow } from './RoleShow';

export const roles: ResourceProps = {
    name: 'roles',
    list: RoleList,
    show: RoleShow,
    edit: RoleEdit,
    create: RoleCreate,
    icon: AdminPanelSettingsIcon,
    recordRepresentation: 'name',
};
