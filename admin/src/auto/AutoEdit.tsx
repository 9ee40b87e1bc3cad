import type { ReactNode } from 'react';
import { Create, Edit, ListButton, ShowButton, TopToolbar, type RaRecord } from 'react-admin';
import { AutoForm, AutoRecordTitle, useAutoSaved } from './AutoForm';
import { toWritePayload } from './fieldLogic';
import { PendingApprovalNotice } from './PendingApprovalNotice';
import type { ResourceMeta } from './types';
import { WithAutoMeta } from './useAutoResource';

export interface AutoEditProps {
    meta?: ResourceMeta;
    /** a panel beside the inputs, inside the form (e.g. the fee preview) */
    side?: ReactNode;
}

const AutoEditView = ({ meta, side }: { meta: ResourceMeta; side?: ReactNode }) => {
    const onSuccess = useAutoSaved(meta, 'edit');
    return (
        <Edit
            resource={meta.name}
            // Pessimistic: a 409 (someone else saved first, or a change is waiting for 复核) must
            // leave the form as typed, with the server's message.
            mutationMode="pessimistic"
            mutationOptions={{ onSuccess }}
            transform={(data: RaRecord) => toWritePayload(meta, data, 'edit')}
            title={<AutoRecordTitle meta={meta} messageKey="auto.edit.title" />}
            actions={
                <TopToolbar>
                    <ShowButton />
                    <ListButton />
                </TopToolbar>
            }
        >
            <PendingApprovalNotice meta={meta} />
            <AutoForm meta={meta} mode="edit" side={side} />
        </Edit>
    );
};

/** The generated edit screen; sends `version` for the optimistic lock. */
export const AutoEdit = ({ meta, side }: AutoEditProps) => (
    <WithAutoMeta meta={meta}>{(m) => <AutoEditView meta={m} side={side} />}</WithAutoMeta>
);

const AutoCreateView = ({ meta, side }: { meta: ResourceMeta; side?: ReactNode }) => {
    const onSuccess = useAutoSaved(meta, 'create');
    return (
        <Create
            resource={meta.name}
            mutationOptions={{ onSuccess }}
            transform={(data: RaRecord) => toWritePayload(meta, data, 'create')}
            title={<AutoRecordTitle meta={meta} messageKey="auto.edit.create_title" />}
            actions={
                <TopToolbar>
                    <ListButton />
                </TopToolbar>
            }
        >
            <AutoForm meta={meta} mode="create" side={side} />
        </Create>
    );
};

/** The generated create screen. */
export const AutoCreate = ({ meta, side }: AutoEditProps) => (
    <WithAutoMeta meta={meta}>{(m) => <AutoCreateView meta={m} side={side} />}</WithAutoMeta>
);
