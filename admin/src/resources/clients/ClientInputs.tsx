import { Typography } from '@mui/material';
import { BooleanInput, SelectInput, TextInput, maxLength, required, useTranslate } from 'react-admin';
import { CLIENT_CLASS_CHOICES, idNumberProblem, phoneProblem } from './clientChoices';
import type { ShareholderMarket } from '../shareholder_accounts/useShareholderMarkets';
import { ClientManagerInput } from './ClientManagerInput';
import { MarketsInput } from './MarketsInput';

const Section = ({ title }: { title: string }) => {
    const translate = useTranslate();
    return (
        <Typography variant="subtitle1" sx={{ mt: 2, mb: 0.5, fontWeight: 600 }}>
            {translate(title)}
        </Typography>
    );
};

const RequiredNote = () => {
    const translate = useTranslate();
    return (
        <Typography variant="body2" color="text.secondary">
            {translate('resources.clients.helper.required')}
        </Typography>
    );
};

const validatePhone = [maxLength(20), (value: unknown) => phoneProblem(value)];
const validateAgentId = [(value: unknown) => idNumberProblem(value, true)];

/**
 * The 开户 and edit form: 基本资料 / 股东账户 (开户 only) / 业务权限 / 代理人. The ID number is
 * typed once at 开户 (the server checks its birth date and check digit) and shown read-only
 * afterwards. Required inputs carry a * (react-admin marks those validated by required()).
 */
export const ClientInputs = ({ mode, markets = [] }: { mode: 'create' | 'edit'; markets?: ShareholderMarket[] }) => (
    <>
        {mode === 'create' && <RequiredNote />}
        <Section title="resources.clients.sections.basic" />
        {mode === 'edit' && <TextInput source="client_no" disabled />}
        <TextInput source="name" validate={[required(), maxLength(30)]} autoComplete="off" />
        {mode === 'create' ? (
            <TextInput
                source="id_number"
                validate={[required(), (value: unknown) => idNumberProblem(value)]}
                helperText="resources.clients.helper.id_number"
                autoComplete="off"
            />
        ) : (
            <TextInput source="id_number" disabled />
        )}
        <TextInput source="phone" validate={validatePhone} />
        <TextInput source="address" validate={maxLength(200)} multiline />
        <SelectInput source="client_class" choices={CLIENT_CLASS_CHOICES} validate={required()} />
        <ClientManagerInput />

        {mode === 'create' && markets.length > 0 && (
            <>
                <Section title="resources.clients.sections.markets" />
                <MarketsInput markets={markets} />
            </>
        )}

        <Section title="resources.clients.sections.permissions" />
        <BooleanInput source="allow_counter" />
        <BooleanInput source="allow_phone" />
        <BooleanInput source="allow_online" />

        <Section title="resources.clients.sections.agent" />
        <TextInput source="agent_name" validate={maxLength(30)} helperText="resources.clients.helper.agent" />
        <TextInput source="agent_id_number" validate={validateAgentId} />
        <TextInput source="agent_phone" validate={validatePhone} />
    </>
);
