import SearchIcon from '@mui/icons-material/Search';
import {
    Alert,
    Box,
    Card,
    CardContent,
    InputAdornment,
    LinearProgress,
    Stack,
    TextField,
    Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Title, useDataProvider, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { OperationCard } from './apiDocs/OperationCard';
import { filterGroups, parseOpenApi } from './apiDocs/openapi';

/** 接口文档: the server's OpenAPI document made readable, without an external Swagger UI. */
export const ApiDocsPage = () => {
    const translate = useTranslate();
    const dataProvider = useDataProvider<AppDataProvider>();
    const [query, setQuery] = useState('');
    const { data, isPending, error } = useQuery({
        queryKey: ['openapi'],
        queryFn: () => dataProvider.getOpenApi(),
        staleTime: 5 * 60 * 1000,
    });
    const api = useMemo(() => (data ? parseOpenApi(data) : null), [data]);
    const groups = useMemo(() => (api ? filterGroups(api.groups, query) : []), [api, query]);
    // Tags are resource names where they can be: reuse the resources' labels, else our own.
    const tagLabel = (tag: string) =>
        tag
            ? translate(`resources.${tag}.name`, { smart_count: 2, _: translate(`api_docs.tags.${tag}`, { _: tag }) })
            : translate('api_docs.untagged');

    return (
        <Box sx={{ my: 2 }}>
            <Title title={translate('api_docs.title')} />
            <Card sx={{ mb: 2 }}>
                <CardContent>
                    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
                        <Box sx={{ flex: 1, minWidth: 0 }}>
                            <Typography variant="h5">{api?.title || translate('api_docs.title')}</Typography>
                            <Typography variant="body2" color="text.secondary">
                                {translate('api_docs.intro')}
                                {api?.version ? ` ${translate('api_docs.version', { version: api.version })}` : ''}
                            </Typography>
                        </Box>
                        <TextField
                            size="small"
                            sx={{ width: { xs: '100%', sm: 320 }, flexShrink: 0 }}
                            value={query}
                            onChange={(e) => setQuery(e.target.value)}
                            placeholder={translate('api_docs.search')}
                            slotProps={{
                                input: {
                                    startAdornment: (
                                        <InputAdornment position="start">
                                            <SearchIcon fontSize="small" />
                                        </InputAdornment>
                                    ),
                                },
                            }}
                        />
                    </Stack>
                </CardContent>
            </Card>
            {isPending && <LinearProgress />}
            {error && (
                <Alert severity="error">
                    {translate('api_docs.load_error')}
                    {(error as Error).message
                        ? `: ${translate((error as Error).message, { _: (error as Error).message })}`
                        : ''}
                </Alert>
            )}
            {api && groups.length === 0 && <Alert severity="info">{translate('api_docs.empty')}</Alert>}
            {groups.map((group) => (
                <Box key={group.tag || '_'} sx={{ mb: 3 }}>
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 1 }}>
                        <Typography variant="h6">{tagLabel(group.tag)}</Typography>
                        {group.tag && (
                            <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                                {group.tag}
                            </Typography>
                        )}
                        <Typography variant="caption" color="text.secondary">
                            {translate('api_docs.operations', { smart_count: group.operations.length })}
                        </Typography>
                    </Stack>
                    {group.description && (
                        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                            {group.description}
                        </Typography>
                    )}
                    {group.operations.map((operation) => (
                        <OperationCard
                            key={`${operation.method} ${operation.path}`}
                            operation={operation}
                            basePath={api?.basePath ?? ''}
                        />
                    ))}
                </Box>
            ))}
        </Box>
    );
};
