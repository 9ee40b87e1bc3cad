import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import {
    DeleteButton,
    SaveButton,
    SimpleForm,
    Toolbar,
    useLocaleState,
    useNotify,
    useRecordContext,
    useRedirect,
    useTranslate,
    type RaRecord,
} from 'react-admin';
import { AutoInput } from './AutoInput';
import { createDefaults, isWritable } from './fieldLogic';
import { dictLabel, displayFieldFor, findField, resourceLabel } from './labels';
import { useResourceMeta } from './meta';
import type { ResourceMeta } from './types';

type SavedRecord = RaRecord & { pending_approval_id?: number | null };

/**
 * After a save: a change under 复核 answers 202 with `pending_approval_id` and takes effect only
 * once approved, so say so and go back to the list (there is no new record to open); otherwise
 * open the saved record.
 */
export const useAutoSaved = (meta: ResourceMeta, mode: 'create' | 'edit') => {
    const notify = useNotify();
    const redirect = useRedirect();
    return (data: SavedRecord) => {
        if (data?.pending_approval_id) {
            notify('auto.approval.submitted', { type: 'info' });
            redirect('list', meta.name);
            return;
        }
        notify(mode === 'create' ? 'ra.notification.created' : 'ra.notification.updated', {
            type: 'info',
            messageArgs: { smart_count: 1 },
        });
        redirect('show', meta.name, data.id, data);
    };
};

/** Delete (with confirmation, pessimistic); under 复核 it only submits the deletion. */
export const AutoDeleteButton = ({ meta }: { meta: ResourceMeta }) => {
    const notify = useNotify();
    const redirect = useRedirect();
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const record = useRecordContext();
    const title = useRecordTitle(meta, record);
    if (!meta.operations.delete) return null;
    // react-admin names the resource in this dialog from its code (singularized), not options.label
    const args = { name: resourceLabel(meta, locale), recordRepresentation: title, id: record?.id };
    return (
        <DeleteButton
            confirmTitle={translate('ra.message.delete_title', args)}
            confirmContent={translate(
                meta.approval ? 'auto.approval.delete_content' : 'ra.message.delete_content',
                args,
            )}
            mutationMode="pessimistic"
            mutationOptions={{
                onSuccess: (data: SavedRecord) => {
                    if (data?.pending_approval_id) notify('auto.approval.submitted_delete', { type: 'info' });
                    else notify('ra.notification.deleted', { type: 'info', messageArgs: { smart_count: 1 } });
                    redirect('list', meta.name);
                },
            }}
        />
    );
};

const AutoFormToolbar = ({ meta, mode }: { meta: ResourceMeta; mode: 'create' | 'edit' }) => (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
        <SaveButton />
        {mode === 'edit' && <AutoDeleteButton meta={meta} />}
    </Toolbar>
);

/** The text of a record for titles: its display field (an enum by its label). */
export const useRecordTitle = (meta: ResourceMeta, record: RaRecord | undefined) => {
    const [locale] = useLocaleState();
    const { data } = useResourceMeta();
    if (!record) return '';
    const name = displayFieldFor(meta, locale);
    const field = findField(meta, name);
    const value = record[name];
    if (value === null || value === undefined || value === '') return `#${record.id}`;
    const text = field?.type === 'enum' ? dictLabel(data?.dictionary, field.dict, value, locale) : String(value);
    return name === 'id' ? `#${text}` : `${text} #${record.id}`;
};

export const AutoRecordTitle = ({ meta, messageKey }: { meta: ResourceMeta; messageKey: string }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const record = useRecordContext();
    const name = useRecordTitle(meta, record);
    return <>{translate(messageKey, { resource: resourceLabel(meta, locale), name })}</>;
};

export interface AutoFormProps {
    meta: ResourceMeta;
    mode: 'create' | 'edit';
    /** shown beside the inputs (below them on narrow screens), inside the form: it may read the form's values */
    side?: ReactNode;
}

/**
 * The generated form: one input per declared field by type. Read-only fields are shown disabled
 * on edit and left out on create; create-only fields (natural keys) are disabled on edit.
 */
export const AutoForm = ({ meta, mode, side }: AutoFormProps) => {
    const fields = meta.fields.filter((f) => mode === 'edit' || !f.read_only);
    return (
        <SimpleForm
            toolbar={<AutoFormToolbar meta={meta} mode={mode} />}
            defaultValues={mode === 'create' ? createDefaults(meta) : undefined}
            warnWhenUnsavedChanges
            // say what is wrong when leaving a field, not only on save
            mode="onBlur"
            reValidateMode="onChange"
        >
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 4, width: '100%', alignItems: 'flex-start' }}>
                <Box sx={{ flex: '1 1 420px', maxWidth: side ? 560 : 720, minWidth: 0 }}>
                    {fields.map((f) => (
                        <AutoInput key={f.name} field={f} mode={mode} disabled={!isWritable(f, mode)} />
                    ))}
                </Box>
                {side && <Box sx={{ flex: '1 1 420px', minWidth: 0 }}>{side}</Box>}
            </Box>
        </SimpleForm>
    );
};
