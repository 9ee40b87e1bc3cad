import { Alert, Card, CardContent, Stack } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import {
    Form,
    PasswordInput,
    SaveButton,
    Title,
    required,
    useDataProvider,
    useGetIdentity,
    useNavigate,
    useNotify,
    useTranslate,
    HttpError,
    type Validator,
} from 'react-admin';
import type { AppIdentity } from '../providers/authProvider';
import type { AppDataProvider } from '../providers/dataProvider';
import { fetchMe } from '../providers/httpClient';

interface PasswordForm {
    current_password: string;
    new_password: string;
    confirm_password: string;
}

const differsFromCurrent: Validator = (value, values) =>
    value && value === values.current_password ? 'change_password.same_as_current' : undefined;

const matchesNew: Validator = (value, values) =>
    value !== values.new_password ? 'change_password.mismatch' : undefined;

/** 柜员更密: any signed-in operator changes their own password; forced after a reset or first sign-in. */
export const ChangePasswordPage = () => {
    const translate = useTranslate();
    const dataProvider = useDataProvider<AppDataProvider>();
    const notify = useNotify();
    const navigate = useNavigate();
    const queryClient = useQueryClient();
    const { data: identity } = useGetIdentity();
    const mustChange = (identity as AppIdentity | undefined)?.must_change_password === true;

    const submit = async (values: Partial<PasswordForm>) => {
        try {
            await dataProvider.changeOwnPassword(values.current_password ?? '', values.new_password ?? '');
        } catch (error) {
            // Field errors (wrong current password, weak new one) go beside the inputs.
            if (error instanceof HttpError && error.body?.errors) return error.body.errors;
            notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
            return;
        }
        // The server lifted must_change_password: reload the identity before leaving, or the
        // route guard would send us straight back here.
        await fetchMe();
        await queryClient.invalidateQueries({ queryKey: ['auth'] });
        notify('change_password.success', { type: 'success' });
        navigate('/');
    };

    return (
        <Card sx={{ mt: 2, maxWidth: 520 }}>
            <Title title={translate('change_password.title')} />
            <CardContent>
                {mustChange && (
                    <Alert severity="warning" sx={{ mb: 2 }}>
                        {translate('change_password.must_change')}
                    </Alert>
                )}
                <Form onSubmit={submit} sanitizeEmptyValues={false}>
                    <Stack>
                        <PasswordInput
                            source="current_password"
                            label="change_password.current_password"
                            validate={required()}
                            autoComplete="current-password"
                            fullWidth
                        />
                        <PasswordInput
                            source="new_password"
                            label="change_password.new_password"
                            validate={[required(), differsFromCurrent]}
                            autoComplete="new-password"
                            fullWidth
                        />
                        <PasswordInput
                            source="confirm_password"
                            label="change_password.confirm_password"
                            validate={[required(), matchesNew]}
                            autoComplete="new-password"
                            fullWidth
                        />
                        <SaveButton label="change_password.submit" alwaysEnable />
                    </Stack>
                </Form>
            </CardContent>
        </Card>
    );
};
