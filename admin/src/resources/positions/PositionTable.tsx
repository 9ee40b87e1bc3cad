import { DataTable, type RaRecord } from 'react-admin';
import { GuardedReferenceField } from '../clients/GuardedReferenceField';
import { MoneyField } from '../fund_accounts/MoneyField';
import { NO_WRAP_TABLE } from '../fund_accounts/tableSx';
import { PriceField } from '../orders/PriceField';
import { QuantityField } from '../orders/QuantityField';
import { FreezeSharesButton } from './FreezeSharesButton';
import { MarketValueField, ProfitField } from './MarketValueField';
import { SellHoldingButton } from './SellHoldingButton';
import { BranchColumn } from '../../components/BranchColumn';

/** Shown by default; the rest (股东代码, 市场, 今日买入) on demand through the column chooser. */
export const POSITION_HIDDEN_COLUMNS = ['shareholder_code', 'market', 'today_bought'];

interface PositionTableProps {
    /** the 客户 column (the 证券余额 list); a client's own page leaves it out */
    withClient?: boolean;
    /** where the chosen columns are remembered: the list and the client page apart */
    storeKey?: string;
    /** a row picked (the counter fills a sell of it); otherwise rows are not clickable */
    onPick?: (holding: RaRecord) => void;
    /** the 卖出 and 冻结/解冻 buttons of each row */
    actions?: boolean;
}

/**
 * The holdings table (证券余额), one for every place holdings are shown — the 证券余额 list, the
 * client page's 持仓 tab and the counter beside the order ticket — over the one query the server
 * lists them with (GET /api/positions: quantity, frozen, today's buys, sellable, cost, the
 * previous close, market value and floating P/L, valued in SQL).
 */
export const PositionTable = ({ withClient = true, storeKey, onPick, actions = true }: PositionTableProps) => (
    <DataTable
        storeKey={storeKey}
        hiddenColumns={POSITION_HIDDEN_COLUMNS}
        bulkActionButtons={false}
        rowClick={
            onPick
                ? (_id, _resource, record) => {
                      onPick(record);
                      return false;
                  }
                : false
        }
        sx={NO_WRAP_TABLE}
    >
        {withClient && (
            <DataTable.Col source="client_id" disableSort>
                <GuardedReferenceField source="client_id" reference="clients" link="show" />
            </DataTable.Col>
        )}
        {withClient && <BranchColumn />}
        <DataTable.Col source="shareholder_code" disableSort />
        <DataTable.Col source="market" disableSort />
        <DataTable.Col source="code" disableSort />
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="quantity" align="right">
            <QuantityField source="quantity" />
        </DataTable.Col>
        <DataTable.Col source="frozen" align="right" disableSort>
            <QuantityField source="frozen" blankZero />
        </DataTable.Col>
        <DataTable.Col source="today_bought" align="right" disableSort>
            <QuantityField source="today_bought" blankZero />
        </DataTable.Col>
        <DataTable.Col source="sellable" align="right" disableSort>
            <QuantityField source="sellable" />
        </DataTable.Col>
        <DataTable.Col source="cost" align="right">
            <MoneyField source="cost" />
        </DataTable.Col>
        <DataTable.Col source="prev_close" align="right" disableSort>
            <PriceField source="prev_close" />
        </DataTable.Col>
        <DataTable.Col source="market_value" align="right" disableSort>
            <MarketValueField />
        </DataTable.Col>
        <DataTable.Col source="profit" align="right" disableSort>
            <ProfitField />
        </DataTable.Col>
        {actions && (
            <DataTable.Col label={false} disableSort align="right" sx={{ whiteSpace: 'nowrap' }}>
                <SellHoldingButton />
                <FreezeSharesButton />
            </DataTable.Col>
        )}
    </DataTable>
);
