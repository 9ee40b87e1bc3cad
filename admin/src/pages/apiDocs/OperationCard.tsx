import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
    Accordion,
    AccordionDetails,
    AccordionSummary,
    Box,
    Chip,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import type { FieldDoc, OperationDoc } from './openapi';
import { PermissionChip } from './PermissionChip';

const METHOD_COLORS: Record<string, 'success' | 'primary' | 'warning' | 'error' | 'default' | 'secondary'> = {
    GET: 'success',
    POST: 'primary',
    PUT: 'warning',
    PATCH: 'secondary',
    DELETE: 'error',
};

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };

export const MethodChip = ({ method }: { method: string }) => (
    <Chip
        size="small"
        label={method}
        color={METHOD_COLORS[method] ?? 'default'}
        sx={{ ...mono, fontWeight: 700, minWidth: 72 }}
    />
);

const FieldTable = ({ fields, showIn }: { fields: FieldDoc[]; showIn?: boolean }) => {
    const translate = useTranslate();
    return (
        <Table size="small">
            <TableHead>
                <TableRow>
                    <TableCell>{translate('api_docs.property')}</TableCell>
                    {showIn && <TableCell>{translate('api_docs.in')}</TableCell>}
                    <TableCell>{translate('api_docs.type')}</TableCell>
                    <TableCell>{translate('api_docs.required')}</TableCell>
                    <TableCell>{translate('api_docs.description')}</TableCell>
                </TableRow>
            </TableHead>
            <TableBody>
                {fields.map((field) => (
                    <TableRow key={`${field.in ?? ''}:${field.name}`}>
                        <TableCell sx={mono}>{field.name}</TableCell>
                        {showIn && <TableCell sx={mono}>{field.in}</TableCell>}
                        <TableCell sx={{ ...mono, color: 'text.secondary' }}>{field.type}</TableCell>
                        <TableCell>{field.required ? translate('app.common.yes') : ''}</TableCell>
                        <TableCell>{field.description ?? ''}</TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
};

/** One operation: collapsed to method · path · summary · permission, details on demand. */
export const OperationCard = ({ operation, basePath }: { operation: OperationDoc; basePath: string }) => {
    const translate = useTranslate();
    return (
        <Accordion disableGutters slotProps={{ transition: { unmountOnExit: true } }}>
            <AccordionSummary expandIcon={<ExpandMoreIcon />}>
                <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', width: '100%' }}>
                    <MethodChip method={operation.method} />
                    <Typography sx={{ ...mono, textDecoration: operation.deprecated ? 'line-through' : undefined }}>
                        <Box component="span" sx={{ color: 'text.secondary' }}>
                            {basePath}
                        </Box>
                        {operation.path}
                    </Typography>
                    <Typography color="text.secondary" sx={{ flex: 1 }}>
                        {operation.summary}
                    </Typography>
                    {operation.deprecated && <Chip size="small" label={translate('api_docs.deprecated')} />}
                    <PermissionChip permission={operation.permission} />
                </Stack>
            </AccordionSummary>
            <AccordionDetails>
                <Stack spacing={2}>
                    {operation.description && <Typography variant="body2">{operation.description}</Typography>}
                    {operation.parameters.length > 0 && (
                        <Box>
                            <Typography variant="subtitle2">{translate('api_docs.parameters')}</Typography>
                            <FieldTable fields={operation.parameters} showIn />
                        </Box>
                    )}
                    <Box>
                        <Typography variant="subtitle2">
                            {translate('api_docs.request_body')}
                            {operation.requestBody && (
                                <Typography component="span" variant="caption" sx={{ ...mono, ml: 1 }}>
                                    {operation.requestBody.contentType}
                                </Typography>
                            )}
                        </Typography>
                        {!operation.requestBody ? (
                            <Typography variant="body2" color="text.secondary">
                                {translate('api_docs.no_request_body')}
                            </Typography>
                        ) : operation.requestBody.fields.length > 0 ? (
                            <FieldTable fields={operation.requestBody.fields} />
                        ) : (
                            <Typography variant="body2" sx={mono}>
                                {operation.requestBody.type}
                            </Typography>
                        )}
                    </Box>
                </Stack>
            </AccordionDetails>
        </Accordion>
    );
};
