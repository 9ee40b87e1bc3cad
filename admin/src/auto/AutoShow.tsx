import {
    EditButton,
    ListButton,
    Show,
    TabbedShowLayout,
    TopToolbar,
    useLocaleState,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { LocalDateField } from '../components/LocalDateField';
import { AutoDeleteButton, AutoRecordTitle } from './AutoForm';
import { AutoField } from './AutoValue';
import { HistoryPanel } from './HistoryPanel';
import { PendingApprovalNotice } from './PendingApprovalNotice';
import { pickLabel } from './labels';
import type { ResourceMeta } from './types';
import { WithAutoMeta } from './useAutoResource';

/** No edit button on a locked record (e.g. the business date, rolled only by day-end). */
const UnlockedEditButton = ({ lockedBy }: { lockedBy?: string | null }) => {
    const record = useRecordContext();
    return lockedBy && record?.[lockedBy] === true ? null : <EditButton />;
};

const AutoShowView = ({ meta }: { meta: ResourceMeta }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    return (
        <Show
            resource={meta.name}
            title={<AutoRecordTitle meta={meta} messageKey="auto.show.title" />}
            actions={
                <TopToolbar>
                    <ListButton />
                    {meta.operations.edit && <UnlockedEditButton lockedBy={meta.locked_by} />}
                    <AutoDeleteButton meta={meta} />
                </TopToolbar>
            }
        >
            <PendingApprovalNotice meta={meta} />
            <TabbedShowLayout>
                <TabbedShowLayout.Tab label={translate('auto.show.tab_fields')}>
                    {meta.fields.map((f) => (
                        <AutoField key={f.name} field={f} source={f.name} label={pickLabel(f.label, locale, f.name)} />
                    ))}
                    <LocalDateField source="created_at" label={translate('auto.fields.created_at')} />
                    <LocalDateField source="updated_at" label={translate('auto.fields.updated_at')} />
                </TabbedShowLayout.Tab>
                <TabbedShowLayout.Tab label={translate('auto.show.tab_history')} path="history">
                    <HistoryPanel meta={meta} label={false} />
                </TabbedShowLayout.Tab>
            </TabbedShowLayout>
        </Show>
    );
};

/** The generated show screen: every field, and the record's change history. */
export const AutoShow = ({ meta }: { meta?: ResourceMeta }) => (
    <WithAutoMeta meta={meta}>{(m) => <AutoShowView meta={m} />}</WithAutoMeta>
);
