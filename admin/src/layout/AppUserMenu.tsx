import KeyIcon from '@mui/icons-material/Key';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { Logout, UserMenu, useNavigate, useTranslate, useUserMenu } from 'react-admin';
import { CHANGE_PASSWORD_PATH } from '../providers/authProvider';

const ChangePasswordMenuItem = () => {
    const translate = useTranslate();
    const navigate = useNavigate();
    const userMenu = useUserMenu();
    return (
        <MenuItem
            onClick={() => {
                userMenu?.onClose();
                navigate(CHANGE_PASSWORD_PATH);
            }}
        >
            <ListItemIcon>
                <KeyIcon fontSize="small" />
            </ListItemIcon>
            <ListItemText>{translate('app.menu.change_password')}</ListItemText>
        </MenuItem>
    );
};

export const AppUserMenu = () => (
    <UserMenu>
        <ChangePasswordMenuItem />
        <Logout />
    </UserMenu>
);
