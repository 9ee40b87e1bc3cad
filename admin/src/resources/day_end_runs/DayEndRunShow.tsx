import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Labeled, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { LocalDateField } from '../../components/LocalDateField';

interface StepRow {
    seq: number;
    name: string;
    status: string;
    rows: number;
    detail: string;
    started_at: string;
    finished_at: string;
}

const StepsTable = () => {
    const record = useRecordContext<{ id: number; steps: StepRow[] }>();
    const translate = useTranslate();
    // a row from the list arrives first, without its steps
    if (!record?.steps) return null;
    return (
        <Labeled label="resources.day_end_runs.fields.steps">
            <Table size="small">
                <TableHead>
                    <TableRow>
                        {['seq', 'name', 'rows', 'duration', 'detail'].map((k) => (
                            <TableCell key={k} align={k === 'rows' || k === 'duration' ? 'right' : 'left'}>
                                {translate(`resources.day_end_runs.step.${k}`)}
                            </TableCell>
                        ))}
                    </TableRow>
                </TableHead>
                <TableBody>
                    {record.steps.map((s) => (
                        <TableRow
                            key={s.seq}
                            sx={s.status === 'failed' ? { '& td': { color: 'error.main' } } : undefined}
                        >
                            <TableCell>{s.seq}</TableCell>
                            <TableCell>{translate(`resources.day_end_runs.steps.${s.name}`, { _: s.name })}</TableCell>
                            <TableCell align="right">{s.rows}</TableCell>
                            <TableCell align="right">
                                {Math.max(0, new Date(s.finished_at).getTime() - new Date(s.started_at).getTime())} ms
                            </TableCell>
                            <TableCell>{s.detail}</TableCell>
                        </TableRow>
                    ))}
                </TableBody>
            </Table>
        </Labeled>
    );
};

/** One day-end run and its steps: rows touched, time taken, what each reported. */
export const DayEndRunShow = () => (
    <Show>
        <SimpleShowLayout>
            <TextField source="business_date" />
            <TextField source="next_date" />
            <LocalDateField source="started_at" showTime />
            <LocalDateField source="finished_at" showTime />
            <TextField source="error" />
            <StepsTable />
        </SimpleShowLayout>
    </Show>
);
