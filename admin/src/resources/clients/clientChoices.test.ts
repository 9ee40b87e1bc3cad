import { describe, expect, it } from 'vitest';
import {
    DEFAULT_MARKETS,
    idNumberProblem,
    marketsToOpen,
    phoneProblem,
    statusActions,
    toClientCreate,
    toClientUpdate,
} from './clientChoices';

describe('statusActions', () => {
    it('offers freeze, report lost and close to a normal client', () => {
        expect(statusActions('normal').map((a) => `${a.action}→${a.target}`)).toEqual([
            'freeze→frozen',
            'report_lost→lost',
            'close→closed',
        ]);
    });
    it('brings a frozen or lost client back to normal, or closes it', () => {
        expect(statusActions('frozen').map((a) => `${a.action}→${a.target}`)).toEqual([
            'unfreeze→normal',
            'close→closed',
        ]);
        expect(statusActions('lost').map((a) => `${a.action}→${a.target}`)).toEqual([
            'cancel_lost→normal',
            'close→closed',
        ]);
    });
    it('offers nothing once closed', () => {
        expect(statusActions('closed')).toEqual([]);
        expect(statusActions(undefined)).toEqual([]);
    });
});

describe('client transforms', () => {
    const record = {
        id: 5,
        client_no: '0417000005',
        name: ' 张三 ',
        id_number: '210502198503120019',
        gender: 'M',
        phone: '13900001111',
        address: '',
        client_class: 'vip',
        client_manager_id: '',
        allow_counter: true,
        allow_phone: false,
        allow_online: true,
        agent_name: '',
        agent_id_number: '21050219900101002x',
        agent_phone: '',
        status: 'normal',
        version: 3,
    };

    it('sends only what PUT accepts, with the version', () => {
        expect(toClientUpdate(record)).toEqual({
            name: '张三',
            phone: '13900001111',
            address: '',
            client_class: 'vip',
            client_manager_id: null,
            allow_counter: true,
            allow_phone: false,
            allow_online: true,
            agent_name: '',
            agent_id_number: '21050219900101002X',
            agent_phone: '',
            version: 3,
        });
    });

    it('sends the ID number on 开户 and fills the defaults', () => {
        const body = toClientCreate({ name: '李四', id_number: ' 11010119880808004x ', client_manager_id: 2 });
        expect(body).toMatchObject({
            name: '李四',
            id_number: '11010119880808004X',
            client_class: 'retail',
            client_manager_id: 2,
            allow_counter: true,
            allow_phone: true,
            allow_online: true,
            phone: '',
        });
        expect(Object.keys(body)).not.toContain('version');
    });
});

describe('input checks', () => {
    it('accepts a mobile, a landline or nothing', () => {
        expect(phoneProblem('13900001111')).toBeUndefined();
        expect(phoneProblem('024-42800000')).toBeUndefined();
        expect(phoneProblem('')).toBeUndefined();
        expect(phoneProblem('12345')).toBe('resources.clients.validation.phone');
    });

    it('checks the ID number shape only', () => {
        expect(idNumberProblem('210502198503120019')).toBeUndefined();
        expect(idNumberProblem('11010119880808004x')).toBeUndefined();
        expect(idNumberProblem('2105021985031200')).toBe('resources.clients.validation.id_number');
        expect(idNumberProblem('')).toBe('resources.clients.validation.id_number');
        expect(idNumberProblem('', true)).toBeUndefined();
    });
});

describe('the markets 开户 opens', () => {
    const offered = ['SH-A', 'SZ-A', 'SH-B', 'SZ-B', 'BJ'];
    it('ticks 沪A and 深A by default', () => {
        expect(marketsToOpen(DEFAULT_MARKETS, offered)).toEqual(['SH-A', 'SZ-A']);
    });
    it('keeps the ticked ones among those offered, in the offered order', () => {
        expect(marketsToOpen(['BJ', 'SH-A', 'XX'], offered)).toEqual(['SH-A', 'BJ']);
        expect(marketsToOpen(['SZ-A'], ['SH-A'])).toEqual([]);
        expect(marketsToOpen(undefined, offered)).toEqual([]);
        expect(marketsToOpen('SH-A', offered)).toEqual([]);
    });
    it('sends markets only when the operator may open shareholder accounts (markets are offered)', () => {
        const data = { name: '张三', id_number: '210502198503120019', markets: ['SH-A', 'SZ-A'] };
        expect(toClientCreate(data, offered).markets).toEqual(['SH-A', 'SZ-A']);
        expect('markets' in toClientCreate(data)).toBe(false);
    });
});
