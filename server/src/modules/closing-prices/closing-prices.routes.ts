import { route, router, z } from '../../http/route.js';
import { readUpload } from '../../http/upload.js';
import { badRequest } from '../../http/errors.js';
import { actorOf } from '../audit/audit.service.js';
import { importClosingPrices } from './closing-prices.service.js';

const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The quotation file's import; the list, edit, export and Excel import are the declared resource's (closing-prices.resource.ts). */
export const closingPriceRoutes = router().openapi(
  route('closing_prices.create', {
    method: 'post',
    path: '/closing_prices/import_csv',
    tags: ['closing_prices'],
    summary:
      '行情导入 Import a quotation file (trade_date,market,security_code,close_price; multipart field "file", or a text/csv body) for the open business date: every line checked, problems listed per line, the rest written; 409 for a closed or future date',
    request: {
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
    if (Number(c.req.header('content-length') ?? 0) > MAX_FILE_BYTES)
      throw badRequest({ file: { key: 'file_too_large', params: { mb: 20 } } });
    const file = await readUpload(c, { maxBytes: MAX_FILE_BYTES, fallbackName: 'upload.csv', raw: 'text/csv' });
    return c.json(await importClosingPrices(c.get('deps').db, actorOf(c), file.text(), file.name, c.get('lang')), 200);
  },
);
