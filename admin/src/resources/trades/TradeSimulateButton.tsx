import CasinoIcon from '@mui/icons-material/Casino';
import { DialogContentText, TextField } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useNotify, useTranslate } from 'react-admin';
import { DialogButton } from '../../components/DialogButton';
import { API_URL, httpClient } from '../../providers/httpClient';
import { TradeRunDialog } from './TradeRunDialog';
import { parseSeed, type ImportResult } from './tradeImport';

/**
 * 模拟撮合: the simulated exchange fills the business day's open orders (the same for the same
 * seed), writes the trade-report file and imports it; the file can be downloaded afterwards.
 */
export const TradeSimulateButton = () => {
    const { canAccess } = useCanAccess({ resource: 'trades', action: 'create' });
    if (!canAccess) return null;
    return (
        <DialogButton
            label="resources.trades.actions.simulate"
            icon={<CasinoIcon />}
            dialog={(close) => <SimulateDialog onClose={close} />}
        />
    );
};

const SimulateDialog = ({ onClose }: { onClose: () => void }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const [seedText, setSeedText] = useState('1');
    const seed = parseSeed(seedText);
    return (
        <TradeRunDialog
            title={translate('resources.trades.simulate.title')}
            submitLabel="resources.trades.simulate.submit"
            ready={seed !== null}
            run={async () =>
                (
                    await httpClient(`${API_URL}/trades/simulate`, {
                        method: 'POST',
                        body: JSON.stringify({ seed }),
                    })
                ).json as ImportResult
            }
            onDone={(outcome) =>
                notify('resources.trades.simulate.done', {
                    type: 'success',
                    messageArgs: { recorded: outcome.recorded, unmatched: outcome.unmatched.length },
                })
            }
            onClose={onClose}
        >
            {(clear) => (
                <>
                    <DialogContentText>{translate('resources.trades.simulate.content')}</DialogContentText>
                    <TextField
                        label={translate('resources.trades.simulate.seed')}
                        value={seedText}
                        onChange={(e) => {
                            setSeedText(e.target.value);
                            clear();
                        }}
                        error={seed === null}
                        helperText={translate(
                            seed === null
                                ? 'resources.trades.simulate.seed_invalid'
                                : 'resources.trades.simulate.seed_helper',
                        )}
                        slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
                        sx={{ maxWidth: 320 }}
                    />
                </>
            )}
        </TradeRunDialog>
    );
};
