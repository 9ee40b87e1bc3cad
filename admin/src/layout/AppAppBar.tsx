import { Box, Typography } from '@mui/material';
import { AppBar, TitlePortal } from 'react-admin';
import { AppTitle } from './AppTitle';
import { AppUserMenu } from './AppUserMenu';

/** The default AppBar (with its language switcher) plus the product name before the page title. */
export const AppAppBar = () => (
    <AppBar userMenu={<AppUserMenu />}>
        <Typography variant="h6" component="span" sx={{ whiteSpace: 'nowrap', mr: 2 }}>
            <AppTitle />
        </Typography>
        <Box component="span" sx={{ opacity: 0.6, mr: 2, display: { xs: 'none', sm: 'inline' } }}>
            |
        </Box>
        <TitlePortal variant="subtitle1" />
    </AppBar>
);
