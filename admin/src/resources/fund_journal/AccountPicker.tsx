import { Card, CardContent, Typography } from '@mui/material';
import { AutocompleteInput, Form, FormDataConsumer, ListBase, ReferenceInput, useTranslate } from 'react-admin';
import { FundAccountTable } from '../fund_accounts/FundAccountTable';

/** Without an account in the address: find the client, then take one of their accounts (its 存取款 button). */
export const AccountPicker = () => {
    const translate = useTranslate();
    return (
        <Card variant="outlined">
            <CardContent>
                <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
                    {translate('ledger.cash.pick_title')}
                </Typography>
                <Form>
                    <ReferenceInput source="client_id" reference="clients">
                        <AutocompleteInput
                            label="ledger.cash.pick_client"
                            helperText="ledger.cash.pick_client_helper"
                            sx={{ maxWidth: 480 }}
                        />
                    </ReferenceInput>
                    <FormDataConsumer<{ client_id?: number }>>
                        {({ formData }) =>
                            formData.client_id ? <ClientAccounts clientId={formData.client_id} /> : null
                        }
                    </FormDataConsumer>
                </Form>
            </CardContent>
        </Card>
    );
};

const ClientAccounts = ({ clientId }: { clientId: number }) => (
    <ListBase
        resource="fund_accounts"
        filter={{ client_id: clientId, status: 'active' }}
        sort={{ field: 'account_no', order: 'ASC' }}
        perPage={10}
        disableSyncWithLocation
        storeKey={false}
    >
        <FundAccountTable withClient={false} />
    </ListBase>
);
