import { Create, SaveButton, SimpleForm, Toolbar, useNotify, useRedirect, type RaRecord } from 'react-admin';
import { ClientInputs } from './ClientInputs';
import { toClientCreate } from './clientChoices';

const DEFAULTS = {
    client_class: 'retail',
    client_manager_id: null,
    allow_counter: true,
    allow_phone: true,
    allow_online: true,
};

const OpenToolbar = () => (
    <Toolbar>
        <SaveButton label="resources.clients.page.create" />
    </Toolbar>
);

/** 开户: the server opens the client and a CNY fund account together; go to the new client's page. */
export const ClientCreate = () => {
    const notify = useNotify();
    const redirect = useRedirect();
    const onSuccess = (data: RaRecord) => {
        notify('resources.clients.messages.created', { type: 'success', messageArgs: { client_no: data.client_no } });
        redirect('show', 'clients', data.id);
    };
    return (
        <Create title="resources.clients.page.create" transform={toClientCreate} mutationOptions={{ onSuccess }}>
            <SimpleForm defaultValues={DEFAULTS} sx={{ maxWidth: 720 }} toolbar={<OpenToolbar />}>
                <ClientInputs mode="create" />
            </SimpleForm>
        </Create>
    );
};
