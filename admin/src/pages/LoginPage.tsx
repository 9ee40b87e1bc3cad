import { Box, CardContent, Typography } from '@mui/material';
import { LocalesMenuButton, Login, LoginForm, useTranslate } from 'react-admin';
import { AppTitle } from '../layout/AppTitle';

/** react-admin's login card with the product name and the language switcher (chosen before signing in). */
export const LoginPage = () => {
    const translate = useTranslate();
    return (
        <Login>
            <CardContent sx={{ textAlign: 'center', pb: 0 }}>
                <Typography variant="h6" component="h1">
                    <AppTitle />
                </Typography>
                <Typography variant="body2" color="text.secondary">
                    {translate('app.login_subtitle')}
                </Typography>
            </CardContent>
            <LoginForm />
            <Box sx={{ display: 'flex', justifyContent: 'center', pb: 1 }}>
                <LocalesMenuButton />
            </Box>
        </Login>
    );
};
