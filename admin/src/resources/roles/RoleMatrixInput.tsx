import { FormHelperText, FormLabel, Stack } from '@mui/material';
import { useInput, useTranslate, type InputProps } from 'react-admin';
import { PermissionMatrix } from './PermissionMatrix';

/**
 * The `permissions` field of a role as a matrix of checkboxes. The server's separation-of-duties
 * refusal (400 fields.permissions = "职责分离：…") arrives as this field's error and shows below.
 */
export const RoleMatrixInput = ({ source = 'permissions', ...props }: Partial<InputProps>) => {
    const translate = useTranslate();
    const { field, fieldState, isRequired } = useInput({ source, defaultValue: [], ...props });
    const value: string[] = Array.isArray(field.value) ? field.value : [];
    const error = fieldState.error?.message;
    return (
        <Stack spacing={1} sx={{ width: '100%', my: 1 }}>
            <FormLabel required={isRequired}>
                {translate('resources.roles.fields.permissions')}
                {' · '}
                {translate('permissions.matrix.selected', { count: value.length })}
            </FormLabel>
            <PermissionMatrix value={value} onChange={field.onChange} onBlur={field.onBlur} />
            {error && (
                <FormHelperText error role="alert" sx={{ fontSize: '0.9rem' }}>
                    {translate(error, { _: error })}
                </FormHelperText>
            )}
        </Stack>
    );
};
