import { Autocomplete, Box, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetList, useTranslate, type RaRecord } from 'react-admin';
import { maskIdNumber } from './orderLogic';
import { useDebouncedValue } from './useDebouncedValue';

interface ClientPickerProps {
    value: RaRecord | null;
    onChange: (client: RaRecord | null) => void;
    autoFocus?: boolean;
}

/**
 * 查找客户 by account number (prefix), ID number (exact) or name: GET /api/clients with the
 * server's q filter, 300 ms after typing pauses.
 */
export const ClientPicker = ({ value, onChange, autoFocus }: ClientPickerProps) => {
    const translate = useTranslate();
    const [input, setInput] = useState('');
    const q = useDebouncedValue(input.trim(), 300);
    const searching = q !== '' && !(value && input === optionLabel(value));
    const { data, isFetching } = useGetList(
        'clients',
        { pagination: { page: 1, perPage: 20 }, sort: { field: 'client_no', order: 'ASC' }, filter: { q } },
        { enabled: searching },
    );
    return (
        <Autocomplete<RaRecord, false, false, false>
            value={value}
            onChange={(_, client) => onChange(client)}
            inputValue={input}
            onInputChange={(_, text) => setInput(text)}
            options={searching ? (data ?? []) : value ? [value] : []}
            filterOptions={(options) => options}
            getOptionLabel={optionLabel}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            loading={isFetching}
            autoHighlight
            noOptionsText={translate(q ? 'counter.order.no_client_found' : 'counter.order.client_helper')}
            loadingText={translate('ra.page.loading')}
            sx={{ minWidth: 360, maxWidth: 520, flex: 1 }}
            renderOption={({ key, ...props }, client) => (
                <Box component="li" key={key} {...props}>
                    <Box>
                        <Typography variant="body2">
                            {client.name}
                            <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
                                {client.client_no}
                            </Typography>
                        </Typography>
                        <Typography variant="caption" color="text.secondary">
                            {maskIdNumber(client.id_number)}
                            {client.status !== 'normal' &&
                                ` · ${translate(`resources.clients.status.${client.status}`, { _: client.status })}`}
                        </Typography>
                    </Box>
                </Box>
            )}
            renderInput={(params) => (
                <TextField
                    {...params}
                    autoFocus={autoFocus}
                    label={translate('counter.order.client')}
                    helperText={translate('counter.order.client_helper')}
                />
            )}
        />
    );
};

const optionLabel = (client: RaRecord) => `${client.name}（${client.client_no}）`;
