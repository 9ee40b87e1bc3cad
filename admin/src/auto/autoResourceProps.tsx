import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import CandlestickChartIcon from '@mui/icons-material/CandlestickChart';
import EventSeatIcon from '@mui/icons-material/EventSeat';
import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import MenuBookIcon from '@mui/icons-material/MenuBook';
import PercentIcon from '@mui/icons-material/Percent';
import PublicIcon from '@mui/icons-material/Public';
import ShowChartIcon from '@mui/icons-material/ShowChart';
import StoreIcon from '@mui/icons-material/Store';
import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import TableChartIcon from '@mui/icons-material/TableChart';
import TuneIcon from '@mui/icons-material/Tune';
import type { ComponentType, ReactElement } from 'react';
import type { RaRecord, ResourceProps } from 'react-admin';
import { getCurrentLocale } from '../providers/locale';
import { AutoCreate, AutoEdit } from './AutoEdit';
import { AutoList } from './AutoList';
import { AutoShow } from './AutoShow';
import { dictLabel, displayFieldFor, findField, resourceLabel } from './labels';
import type { Dictionary, MetaResponse, ResourceMeta } from './types';

type View = ComponentType<any> | ReactElement;

/** Hand-written screens that replace generated ones, per resource and view. */
export type AutoOverrides = Partial<
    Record<string, Partial<Record<'list' | 'show' | 'edit' | 'create', View>> & { icon?: ComponentType<any> }>
>;

const ICONS: Record<string, ComponentType<any>> = {
    branches: StoreIcon,
    markets: PublicIcon,
    seats: EventSeatIcon,
    banks: AccountBalanceIcon,
    securities: ShowChartIcon,
    fee_schedules: PercentIcon,
    trading_calendar: CalendarMonthIcon,
    system_params: TuneIcon,
    dictionary: MenuBookIcon,
    client_managers: SupportAgentIcon,
    market_totals: LeaderboardIcon,
    closing_prices: CandlestickChartIcon,
};

/**
 * options.label is read whenever react-admin names the resource (menu, page titles, delete
 * dialogs): a getter answers in the language the UI has at that moment.
 */
const localizedOptions = (meta: ResourceMeta) => ({
    get label() {
        return resourceLabel(meta, getCurrentLocale());
    },
    group: meta.group,
    auto: true,
});

/** How a referenced record reads in react-admin's own widgets (e.g. delete confirmations). */
const recordRepresentation = (meta: ResourceMeta, dictionary?: Dictionary) => (record: RaRecord) => {
    const locale = getCurrentLocale();
    const name = displayFieldFor(meta, locale);
    const value = record?.[name];
    if (value === null || value === undefined || value === '') return `#${record?.id ?? ''}`;
    const field = findField(meta, name);
    return field?.type === 'enum' ? dictLabel(dictionary, field.dict, value, locale) : String(value);
};

/**
 * <Resource> props of a declared resource, every view generated from its metadata unless
 * `overrides[meta.name]` supplies a hand-written one. Views the server does not offer
 * (operations.create/edit false) are left out, so react-admin shows no button for them.
 */
export const autoResourceProps = (
    meta: ResourceMeta,
    options: { overrides?: AutoOverrides; dictionary?: Dictionary } = {},
): ResourceProps => {
    const own = options.overrides?.[meta.name] ?? {};
    // biome-ignore-start lint/correctness/noComponentHookFactories: called once per resource when the app is composed, never during a render
    const List = () => <AutoList meta={meta} />;
    const Show = () => <AutoShow meta={meta} />;
    const Edit = () => <AutoEdit meta={meta} />;
    const Create = () => <AutoCreate meta={meta} />;
    // biome-ignore-end lint/correctness/noComponentHookFactories: see above
    return {
        name: meta.name,
        list: own.list ?? List,
        show: own.show ?? Show,
        edit: meta.operations.edit ? (own.edit ?? Edit) : undefined,
        create: meta.operations.create ? (own.create ?? Create) : undefined,
        icon: own.icon ?? ICONS[meta.name] ?? TableChartIcon,
        options: localizedOptions(meta),
        recordRepresentation: recordRepresentation(meta, options.dictionary),
    };
};

/** <Resource> props of every declared resource the operator may list, minus those in `exclude`. */
export const autoResources = (
    meta: MetaResponse,
    options: { overrides?: AutoOverrides; exclude?: readonly string[] } = {},
): ResourceProps[] =>
    meta.resources
        .filter((r) => !options.exclude?.includes(r.name))
        .map((r) => autoResourceProps(r, { overrides: options.overrides, dictionary: meta.dictionary }));
