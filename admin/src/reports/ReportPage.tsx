import SearchIcon from '@mui/icons-material/Search';
import { Alert, Box, Button, LinearProgress, Paper, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { type HttpError, Loading, Title, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router-dom';
import type { AppDataProvider } from '../providers/dataProvider';
import { StatementsBatchButton } from '../resources/export_jobs/StatementsBatchButton';
import { ReportDownloadButtons } from './ReportDownloadButtons';
import { ReportParamsForm } from './ReportParamsForm';
import { ReportHeaderBlock, ReportTable } from './ReportPreviewTable';
import {
    defaultValues,
    labelOf,
    pageFromSearch,
    paramQuery,
    REPORTS_PATH,
    searchFromValues,
    tradingCalendar,
    validateValues,
    valuesFromSearch,
} from './reportParams';
import type { ParamValues, ReportCatalogue, ReportSpec } from './types';
import { useReportCatalogue } from './useReportCatalogue';

/** `#/reports/<id>`: one report from the catalogue, its parameters in the URL (bookmarkable). */
export const ReportPage = () => {
    const { id } = useParams();
    const translate = useTranslate();
    const { data: catalogue, error, isPending, isFetching, isFetchedAfterMount } = useReportCatalogue({ fresh: true });
    // wait for this visit's catalogue: a day-end since the last one moves the default date and its status
    if (isPending || (isFetching && !isFetchedAfterMount)) return <Loading />;
    if (error || !catalogue)
        return (
            <Alert severity="error" sx={{ mt: 2 }}>
                {translate('reports.page.load_failed', { message: (error as Error | null)?.message ?? '' })}
            </Alert>
        );
    const report = catalogue.reports.find((r) => r.id === id);
    if (!report)
        return (
            <>
                <Title title={translate('reports.list.title')} />
                <Alert
                    severity="warning"
                    sx={{ mt: 2 }}
                    action={
                        <Button component={RouterLink} to={REPORTS_PATH} color="inherit" size="small">
                            {translate('reports.page.back')}
                        </Button>
                    }
                >
                    {translate('reports.page.not_found')}
                </Alert>
            </>
        );
    return <ReportScreen key={report.id} report={report} catalogue={catalogue} />;
};

/** The server's per-field reasons of a refused request (HttpError body.errors, without the root message). */
const fieldErrorsOf = (error: unknown): Record<string, string> => {
    const errors = (error as HttpError | null)?.body?.errors;
    if (!errors || typeof errors !== 'object') return {};
    return Object.fromEntries(
        Object.entries(errors as Record<string, unknown>)
            .filter(([key, value]) => key !== 'root' && typeof value === 'string')
            .map(([key, value]) => [key, value as string]),
    );
};

const ReportScreen = ({ report, catalogue }: { report: ReportSpec; catalogue: ReportCatalogue }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const dataProvider = useDataProvider<AppDataProvider>();
    const [searchParams, setSearchParams] = useSearchParams();
    const calendar = useMemo(() => tradingCalendar(catalogue), [catalogue]);

    // what the URL asks for (over the defaults) is what the preview shows; the form edits a draft of it
    const applied = useMemo(() => valuesFromSearch(report, searchParams, calendar), [report, searchParams, calendar]);
    const { page, perPage } = pageFromSearch(searchParams);
    const appliedKey = searchFromValues(report, applied);
    const [draft, setDraft] = useState<ParamValues>(applied);
    const [attempted, setAttempted] = useState(false);
    // biome-ignore lint/correctness/useExhaustiveDependencies: the form follows the URL when it changes (back, forward, a menu click), not on every render
    useEffect(() => {
        setDraft(applied);
    }, [appliedKey]);

    const problems = validateValues(report, draft, calendar, catalogue);
    const appliedProblems = validateValues(report, applied, calendar, catalogue);
    const ready = Object.keys(appliedProblems).length === 0;
    const missingRequired = Object.values(appliedProblems).some((p) => p.message === 'reports.validation.required');
    const query = paramQuery(report, applied);
    const preview = useQuery({
        queryKey: ['reports', report.id, 'preview', query, page, perPage, locale],
        queryFn: () => dataProvider.getReportPreview(report.id, query, { page, perPage }),
        enabled: report.can_run && ready,
        placeholderData: keepPreviousData,
        retry: false,
    });

    const serverErrors = fieldErrorsOf(preview.error);
    // a problem shows once there is something to judge, or once the operator has tried to run
    const errors: Record<string, string> = {};
    for (const p of report.params) {
        const own = problems[p.name];
        if (own && (attempted || (draft[p.name] ?? '') !== '')) errors[p.name] = translate(own.message, own.args ?? {});
        else if (!own && serverErrors[p.name] && draft[p.name] === applied[p.name])
            errors[p.name] = serverErrors[p.name];
    }
    const draftKey = searchFromValues(report, draft);
    const stale = draftKey !== appliedKey && !!preview.data;

    /**
     * Puts the form's values in the URL (the preview follows); false when the form must be corrected
     * first. New values start again at page 1; the same values stay on their page, and `rerun`
     * asks the server again (查询 twice shows fresh figures).
     */
    const apply = (rerun: boolean): boolean => {
        setAttempted(true);
        if (Object.keys(problems).length > 0) return false;
        const same = draftKey === appliedKey;
        if (same && rerun && report.can_run && ready) void preview.refetch();
        // the defaults become explicit, so the address names what is shown
        const next = searchFromValues(report, draft, same ? page : 1, perPage);
        if (next !== searchParams.toString()) setSearchParams(next, { replace: same });
        return true;
    };
    const go = (nextPage: number, nextPerPage = perPage) =>
        setSearchParams(searchFromValues(report, applied, nextPage, nextPerPage));

    // a page past the end (a bookmark of a longer report, a hand-edited address) goes to the last page
    const shown = preview.data;
    const lastPage = shown ? Math.max(1, Math.ceil(shown.total_rows / shown.per_page)) : 1;
    const pastTheEnd = !!shown && !preview.isPlaceholderData && shown.lines.length === 0 && shown.page > lastPage;
    // biome-ignore lint/correctness/useExhaustiveDependencies: only a page answered empty moves the address
    useEffect(() => {
        if (pastTheEnd) setSearchParams(searchFromValues(report, applied, lastPage, perPage), { replace: true });
    }, [pastTheEnd, lastPage]);

    const title = labelOf(report.title, locale);
    return (
        // a one-column grid: a wide table scrolls inside its box instead of widening the page
        <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 2, mt: 1, mb: 2 }}>
            <Title title={title} />
            <Paper variant="outlined" sx={{ p: 2 }}>
                <Typography variant="h6" component="h1">
                    {title}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                    {labelOf(report.description, locale)}
                </Typography>
                <Box
                    component="form"
                    noValidate
                    onSubmit={(e) => {
                        e.preventDefault();
                        apply(true);
                    }}
                >
                    <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, rowGap: 1, alignItems: 'flex-start' }}>
                        <ReportParamsForm
                            report={report}
                            catalogue={catalogue}
                            calendar={calendar}
                            locale={locale}
                            values={draft}
                            onChange={(name, value) => setDraft((d) => ({ ...d, [name]: value }))}
                            errors={errors}
                        />
                    </Box>
                    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', mt: 1 }}>
                        {report.can_run && (
                            <Button type="submit" variant="contained" startIcon={<SearchIcon />}>
                                {translate('reports.form.run')}
                            </Button>
                        )}
                        <Button
                            onClick={() => {
                                setDraft(defaultValues(report, calendar));
                                setAttempted(false);
                            }}
                        >
                            {translate('reports.form.reset')}
                        </Button>
                        <Box sx={{ flex: 1 }} />
                        {report.can_export && report.id === 'client_statement' && (
                            <StatementsBatchButton openDate={calendar.openDate} />
                        )}
                        {report.can_export && (
                            <ReportDownloadButtons
                                reportId={report.id}
                                resolveParams={() => (apply(false) ? paramQuery(report, draft) : null)}
                            />
                        )}
                    </Box>
                </Box>
            </Paper>
            {!report.can_run && <Alert severity="info">{translate('reports.page.export_only')}</Alert>}
            {report.can_run && missingRequired && (
                <Alert severity="info">{translate('reports.page.fill_required')}</Alert>
            )}
            {stale && <Alert severity="info">{translate('reports.preview.stale')}</Alert>}
            {preview.error && (
                <Alert severity="error">
                    {translate('reports.preview.failed', { message: (preview.error as Error).message })}
                </Alert>
            )}
            {report.can_run && ready && (preview.data || preview.isFetching) && (
                <Paper variant="outlined" sx={{ p: 2, position: 'relative', minWidth: 0 }}>
                    {preview.isFetching && <LinearProgress sx={{ position: 'absolute', top: 0, left: 0, right: 0 }} />}
                    {preview.data && !pastTheEnd && (
                        <>
                            <ReportHeaderBlock header={preview.data.header} locale={locale} />
                            <ReportTable
                                preview={preview.data}
                                onPageChange={(p) => go(p)}
                                onPerPageChange={(n) => go(1, n)}
                            />
                        </>
                    )}
                </Paper>
            )}
        </Box>
    );
};
