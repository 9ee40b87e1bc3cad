import { apiDate } from '../../http/dates.js';
import { readUpload } from '../../http/upload.js';
import { route, router, z } from '../../http/route.js';
import { branchScope } from '../../http/context.js';
import { badRequest } from '../../http/errors.js';
import { actorOf } from '../audit/audit.service.js';
import { sendListExport } from '../reports/reports.routes.js';
import { clearingDetailExport, reconcile } from './bank-clearing.service.js';

const tags = ['bank_transfers'];
const day = z.object({ date: apiDate, bank: z.string().regex(/^[A-Z0-9]{2,10}$/) });

/** 银证转账清算: the day's detail file per bank, and reconciliation of the bank's statement. */
export const bankClearingRoutes = router()
  .openapi(
    route('bank_transfers.export', {
      method: 'get',
      path: '/bank_transfers/banks',
      tags,
      summary: '清算银行 The banks the branch clears transfers with (code and names), for the clearing dialog',
    }),
    async (c) => {
      const banks = await c
        .get('deps')
        .db.selectFrom('banks')
        .select(['code', 'name_zh', 'name_en', 'status'])
        .orderBy('code')
        .execute();
      return c.json(banks, 200);
    },
  )
  .openapi(
    route('bank_transfers.export', {
      method: 'get',
      path: '/bank_transfers/detail',
      tags,
      summary:
        "明细账 The day's transfer detail with one bank, the file sent to it: CSV (UTF-8 with a BOM, GBK on request) or .xlsx, column titles in the operator's language",
      request: {
        query: day.extend({
          format: z.enum(['csv', 'xlsx']).optional().openapi({ description: 'csv (default) or xlsx' }),
          encoding: z
            .enum(['utf8', 'gbk'])
            .optional()
            .openapi({ description: 'CSV only: UTF-8 with a BOM (default) or GBK' }),
        }),
      },
    }),
    async (c) => {
      const { date, bank, format = 'csv', encoding } = c.req.valid('query');
      const lang = c.get('lang');
      const exp = clearingDetailExport(date, bank);
      const named = await c
        .get('deps')
        .db.selectFrom('banks')
        .select(['name_zh', 'name_en'])
        .where('code', '=', bank)
        .executeTakeFirst();
      const name = (lang === 'zh' ? named?.name_zh : named?.name_en || named?.name_zh) ?? '';
      // the header block of the .xlsx says which bank and day (a CSV has only the table)
      const words =
        lang === 'zh'
          ? `银行：${name ? `${name}（${bank}）` : bank}；业务日期：${date}`
          : `Bank: ${name ? `${name} (${bank})` : bank}; Business date: ${date}`;
      return sendListExport(c, exp, {}, words, format, encoding === 'gbk', `${exp.title[lang]}-${bank}-${date}`);
    },
  )
  .openapi(
    route('bank_transfers.export', {
      method: 'post',
      path: '/bank_transfers/reconcile',
      tags,
      summary:
        '银行清算对账 Reconcile a bank\'s statement (CSV body or multipart "file") with the day\'s detail; differences listed, nothing written',
      request: {
        query: day,
        body: {
          content: {
            'multipart/form-data': {
              schema: z.object({ file: z.any().optional().openapi({ type: 'string', format: 'binary' }) }),
            },
            'text/csv': { schema: z.string() },
          },
          required: true,
        },
      },
    }),
    async (c) => {
      const { date, bank } = c.req.valid('query');
      const file = await readUpload(c, { maxBytes: 20 * 1024 * 1024, fallbackName: 'bank.csv', raw: 'text/csv' });
      return c.json(
        await reconcile(c.get('deps').db, actorOf(c), branchScope(c.get('me')!), date, bank, file.text()),
        200,
      );
    },
  );
