import { MenuItem, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ReferenceParamInput, isReferenceKind } from './ReferenceParamInput';
import { labelOf, paramChoices, type TradingCalendar } from './reportParams';
import { TradingDateInput } from './TradingDateInput';
import type { ParamValues, ReportCatalogue, ReportParamSpec, ReportSpec } from './types';

interface ReportParamsFormProps {
    report: ReportSpec;
    catalogue: ReportCatalogue;
    calendar: TradingCalendar;
    locale: string;
    values: ParamValues;
    onChange: (name: string, value: string) => void;
    /** parameter name → its problem, already worded (the form's own checks or the server's) */
    errors: Record<string, string>;
}

/** The inputs of a report's parameters, drawn from the catalogue's specs in their declared order. */
export const ReportParamsForm = ({
    report,
    catalogue,
    calendar,
    locale,
    values,
    onChange,
    errors,
}: ReportParamsFormProps) => (
    <>
        {report.params.map((p) => (
            <ParamInput
                key={p.name}
                spec={p}
                catalogue={catalogue}
                calendar={calendar}
                locale={locale}
                value={values[p.name] ?? ''}
                onChange={(value) => onChange(p.name, value)}
                error={errors[p.name]}
            />
        ))}
    </>
);

const ParamInput = ({
    spec,
    catalogue,
    calendar,
    locale,
    value,
    onChange,
    error,
}: {
    spec: ReportParamSpec;
    catalogue: ReportCatalogue;
    calendar: TradingCalendar;
    locale: string;
    value: string;
    onChange: (value: string) => void;
    error?: string;
}) => {
    const translate = useTranslate();
    const label = labelOf(spec.label, locale);
    switch (spec.kind) {
        case 'date':
        case 'date_from':
        case 'date_to':
            return (
                <TradingDateInput
                    name={spec.name}
                    label={label}
                    value={value}
                    onChange={onChange}
                    calendar={calendar}
                    required={spec.required}
                    error={error}
                    showStatus={spec.kind !== 'date_from'}
                />
            );
        case 'integer':
            return (
                <TextField
                    size="small"
                    type="number"
                    name={spec.name}
                    label={label}
                    required={spec.required}
                    value={value}
                    onChange={(e) => onChange(e.target.value)}
                    error={!!error}
                    helperText={error ?? ' '}
                    fullWidth={false}
                    sx={{ width: 120 }}
                    slotProps={{ htmlInput: { min: spec.min, max: spec.max, step: 1 } }}
                />
            );
        default:
            if (isReferenceKind(spec.kind))
                return (
                    <ReferenceParamInput
                        kind={spec.kind}
                        name={spec.name}
                        label={label}
                        value={value}
                        onChange={onChange}
                        required={spec.required}
                        error={error}
                    />
                );
            return (
                <TextField
                    select
                    size="small"
                    name={spec.name}
                    label={label}
                    required={spec.required}
                    value={value}
                    onChange={(e) => onChange(e.target.value)}
                    error={!!error}
                    helperText={error ?? ' '}
                    fullWidth={false}
                    sx={{ width: 200 }}
                    slotProps={{
                        inputLabel: { shrink: true },
                        select: {
                            displayEmpty: !spec.required,
                            renderValue: (v) =>
                                v === ''
                                    ? translate('reports.form.all')
                                    : labelOf(
                                          paramChoices(spec, catalogue).find((c) => c.value === v)?.label,
                                          locale,
                                      ) || String(v),
                        },
                    }}
                >
                    {!spec.required && <MenuItem value="">{translate('reports.form.all')}</MenuItem>}
                    {paramChoices(spec, catalogue).map((c) => (
                        <MenuItem key={c.value} value={c.value}>
                            {labelOf(c.label, locale)}
                        </MenuItem>
                    ))}
                </TextField>
            );
    }
};
