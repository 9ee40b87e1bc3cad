import CheckIcon from '@mui/icons-material/Check';
import RemoveIcon from '@mui/icons-material/Remove';
import {
    Alert,
    Box,
    Checkbox,
    LinearProgress,
    Table,
    TableBody,
    TableCell,
    TableContainer,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import { Fragment } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import type { PermissionCatalogEntry } from '../../providers/dataProvider';
import { MATRIX_ACTIONS, groupCatalog, permissionKey, rowState, togglePermission, toggleRow } from './permissionMatrix';
import { usePermissionCatalog } from './usePermissionCatalog';

interface PermissionMatrixProps {
    value: readonly string[];
    /** Absent: read-only (show page, built-in role). */
    onChange?: (value: string[]) => void;
    onBlur?: () => void;
    /** Read-only only: list just the resources with at least one granted action. */
    onlyGranted?: boolean;
}

/**
 * 柜员权限矩阵: rows are resources grouped by category, columns the eight actions; a checkbox
 * only where the catalog says that action exists for that resource.
 */
export const PermissionMatrix = ({ value, onChange, onBlur, onlyGranted = false }: PermissionMatrixProps) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const { data: catalog, isPending, error } = usePermissionCatalog();
    const readOnly = !onChange;

    if (isPending) {
        return (
            <Box sx={{ py: 2 }}>
                <Typography variant="body2">{translate('permissions.matrix.loading')}</Typography>
                <LinearProgress />
            </Box>
        );
    }
    if (error || !catalog) {
        return <Alert severity="error">{translate('permissions.matrix.load_error')}</Alert>;
    }

    const groups = groupCatalog(catalog)
        .map((group) => ({
            ...group,
            entries: onlyGranted ? group.entries.filter((entry) => rowState(value, entry) !== 'none') : group.entries,
        }))
        .filter((group) => group.entries.length > 0);
    if (groups.length === 0) {
        return <Typography variant="body2">{translate('app.common.none')}</Typography>;
    }

    const label = (entry: PermissionCatalogEntry) =>
        (locale === 'en' ? entry.label_en : entry.label_zh) || entry.resource;
    const change = (next: string[]) => {
        onChange?.(next);
        onBlur?.();
    };

    return (
        <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
            <Table size="small" stickyHeader aria-label={translate('resources.roles.fields.permissions')}>
                <TableHead>
                    <TableRow>
                        <TableCell>{translate('permissions.matrix.resource')}</TableCell>
                        {MATRIX_ACTIONS.map((action) => (
                            <TableCell key={action} align="center" sx={{ whiteSpace: 'nowrap', px: 1 }}>
                                {translate(`permissions.actions.${action}`)}
                            </TableCell>
                        ))}
                    </TableRow>
                </TableHead>
                <TableBody>
                    {groups.map((group) => (
                        <Fragment key={group.category}>
                            <TableRow sx={{ bgcolor: 'action.hover' }}>
                                <TableCell colSpan={MATRIX_ACTIONS.length + 1}>
                                    <Typography variant="subtitle2">
                                        {translate(`permissions.categories.${group.category}`, { _: group.category })}
                                    </Typography>
                                </TableCell>
                            </TableRow>
                            {group.entries.map((entry) => {
                                const state = rowState(value, entry);
                                return (
                                    <TableRow key={entry.resource} hover>
                                        {/* the right's code only as a tooltip: the matrix is read by its names */}
                                        <TableCell sx={{ whiteSpace: 'nowrap', py: 0.25 }} title={entry.resource}>
                                            {!readOnly && (
                                                <Checkbox
                                                    size="small"
                                                    sx={{ p: 0.5, mr: 0.5 }}
                                                    checked={state === 'all'}
                                                    indeterminate={state === 'some'}
                                                    onChange={(e) => change(toggleRow(value, entry, e.target.checked))}
                                                    slotProps={{
                                                        input: {
                                                            'aria-label': translate('permissions.matrix.select_row'),
                                                        },
                                                    }}
                                                />
                                            )}
                                            {label(entry)}
                                        </TableCell>
                                        {MATRIX_ACTIONS.map((action) => {
                                            if (!entry.actions.includes(action)) {
                                                return <TableCell key={action} />;
                                            }
                                            const key = permissionKey(entry.resource, action);
                                            if (readOnly) {
                                                // Icons read better than greyed-out checkboxes on the show page.
                                                return (
                                                    <TableCell key={action} align="center" padding="checkbox">
                                                        {value.includes(key) ? (
                                                            <CheckIcon
                                                                fontSize="small"
                                                                color="success"
                                                                titleAccess={translate('app.common.yes')}
                                                            />
                                                        ) : (
                                                            <RemoveIcon
                                                                fontSize="small"
                                                                sx={{ color: 'action.disabled' }}
                                                                titleAccess={translate('app.common.no')}
                                                            />
                                                        )}
                                                    </TableCell>
                                                );
                                            }
                                            return (
                                                <TableCell key={action} align="center" padding="checkbox">
                                                    <Checkbox
                                                        size="small"
                                                        sx={{ p: 0.5 }}
                                                        name={key}
                                                        checked={value.includes(key)}
                                                        onChange={(e) =>
                                                            change(togglePermission(value, key, e.target.checked))
                                                        }
                                                        slotProps={{
                                                            input: {
                                                                'aria-label': `${label(entry)} · ${translate(`permissions.actions.${action}`)}`,
                                                            },
                                                        }}
                                                    />
                                                </TableCell>
                                            );
                                        })}
                                    </TableRow>
                                );
                            })}
                        </Fragment>
                    ))}
                </TableBody>
            </Table>
        </TableContainer>
    );
};
