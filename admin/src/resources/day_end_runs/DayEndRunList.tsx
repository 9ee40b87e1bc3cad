import { DataTable, List, useTranslate, type RaRecord } from 'react-admin';
import { LocalDateField } from '../../components/LocalDateField';
import { DayEndPrecheck } from './DayEndPrecheck';

/** 日终: the pre-check and run button, then the history of runs. */
export const DayEndRunList = () => {
    const translate = useTranslate();
    return (
        <>
            <DayEndPrecheck />
            <List sort={{ field: 'id', order: 'DESC' }} perPage={25} exporter={false} empty={false} actions={false}>
                <DataTable bulkActionButtons={false} rowClick="show">
                    <DataTable.Col source="business_date" />
                    <DataTable.Col
                        source="status"
                        render={(r: RaRecord) => translate(`resources.day_end_runs.status.${r.status}`)}
                    />
                    <DataTable.Col source="next_date" />
                    <DataTable.Col source="started_at">
                        <LocalDateField source="started_at" showTime />
                    </DataTable.Col>
                    <DataTable.Col source="finished_at">
                        <LocalDateField source="finished_at" showTime />
                    </DataTable.Col>
                    <DataTable.Col source="error" />
                </DataTable>
            </List>
        </>
    );
};
