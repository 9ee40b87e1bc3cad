import AssessmentIcon from '@mui/icons-material/Assessment';
import { Alert, Box, Card, CardActionArea, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Loading, Title, useLocaleState, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { labelOf, reportPath } from './reportParams';
import { useReportCatalogue } from './useReportCatalogue';

/** `#/reports`: every report the operator may run or download, as cards with what each answers. */
export const ReportListPage = () => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const { data, error, isPending } = useReportCatalogue({ fresh: true });
    if (isPending) return <Loading />;
    return (
        <Box sx={{ mt: 1, mb: 2 }}>
            <Title title={translate('reports.list.title')} />
            {!!data?.reports.length && (
                <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                    {translate('reports.list.intro')}
                </Typography>
            )}
            {error || !data ? (
                <Alert severity="error">
                    {translate('reports.page.load_failed', { message: (error as Error | null)?.message ?? '' })}
                </Alert>
            ) : data.reports.length === 0 ? (
                <Alert severity="info">{translate('reports.list.empty')}</Alert>
            ) : (
                <Box
                    sx={{
                        display: 'grid',
                        gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))',
                        gap: 2,
                    }}
                >
                    {data.reports.map((r) => (
                        <Card key={r.id} variant="outlined">
                            <CardActionArea
                                component={RouterLink}
                                to={reportPath(r.id)}
                                sx={{ height: '100%', alignItems: 'flex-start' }}
                            >
                                <CardContent>
                                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
                                        <AssessmentIcon color="primary" />
                                        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
                                            {labelOf(r.title, locale)}
                                        </Typography>
                                        {!r.can_run && (
                                            <Chip
                                                size="small"
                                                variant="outlined"
                                                label={translate('reports.list.export_only')}
                                            />
                                        )}
                                    </Stack>
                                    <Typography variant="body2" color="text.secondary">
                                        {labelOf(r.description, locale)}
                                    </Typography>
                                </CardContent>
                            </CardActionArea>
                        </Card>
                    ))}
                </Box>
            )}
        </Box>
    );
};
