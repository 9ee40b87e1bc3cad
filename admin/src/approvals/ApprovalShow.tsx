import { Box, Typography } from '@mui/material';
import {
    FunctionField,
    ListButton,
    Show,
    SimpleShowLayout,
    TextField,
    TopToolbar,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { LocalDateField } from '../components/LocalDateField';
import { AutoMetaContext, useResourceMeta } from '../auto/meta';
import type { Approval } from './approvalLogic';
import { ApprovalDecisionButtons } from './ApprovalDecisionButtons';
import { ApprovalDiffTable } from './ApprovalDiffTable';
import {
    ApprovalOperationField,
    ApprovalRecordField,
    ApprovalResourceField,
    ApprovalStatusField,
} from './ApprovalFields';

const ApprovalTitle = () => {
    const record = useRecordContext<Approval>();
    const translate = useTranslate();
    return <>{translate('auto.approvals.title', { id: record?.id ?? '' })}</>;
};

const ApprovalChanges = (_props: { label?: string | false }) => {
    const translate = useTranslate();
    return (
        <Box>
            <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
                {translate('auto.approvals.diff.title')}
            </Typography>
            <ApprovalDiffTable />
        </Box>
    );
};

/** One pending (or decided) change: who asked for what, the field-by-field diff, and the decision. */
export const ApprovalShow = () => {
    const translate = useTranslate();
    const { data } = useResourceMeta();
    const label = (key: string) => translate(`auto.approvals.fields.${key}`);
    return (
        <AutoMetaContext.Provider value={data}>
            <Show
                resource="approvals"
                title={<ApprovalTitle />}
                actions={
                    <TopToolbar sx={{ alignItems: 'center' }}>
                        <ApprovalDecisionButtons />
                        <ListButton />
                    </TopToolbar>
                }
            >
                <SimpleShowLayout>
                    <TextField source="id" label={label('id')} />
                    <ApprovalStatusField source="status" label={label('status')} />
                    <ApprovalResourceField source="resource" label={label('resource')} />
                    <ApprovalOperationField source="operation" label={label('operation')} />
                    <ApprovalRecordField source="record_id" label={label('record_id')} />
                    <FunctionField<Approval>
                        source="maker_name"
                        label={label('maker_name')}
                        render={(r) => r.maker_name ?? r.maker_username ?? `#${r.maker_id}`}
                    />
                    <LocalDateField source="created_at" label={label('created_at')} />
                    <TextField source="checker_name" label={label('checker_name')} emptyText="—" />
                    <LocalDateField source="decided_at" label={label('decided_at')} emptyText="—" />
                    <TextField source="comment" label={label('comment')} emptyText="—" />
                    <ApprovalChanges label={false} />
                </SimpleShowLayout>
            </Show>
        </AutoMetaContext.Provider>
    );
};
