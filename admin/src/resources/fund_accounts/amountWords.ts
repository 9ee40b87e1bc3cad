/**
 * 中文大写金额 (the amount in Chinese capitals a counter slip and a voucher carry), by the
 * rules of the People's Bank's 《正确填写票据和结算凭证的基本规定》:
 *
 * - digits 壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿, then 元角分, with 人民币 in front;
 * - 整 after 元 and after 角 when nothing follows; never after 分;
 * - a 拾 opening a group is written 壹拾 (壹拾元整, 壹拾万元整, never 拾元整, which can be altered);
 * - every run of zeros standing between two non-zero digits is written as one 零, wherever it
 *   falls: inside a group (壹万零伍元整, 壹仟零壹元整), across a 万 or 亿 boundary
 *   (壹拾万零柒仟元整, 壹佰万零壹仟元整, 壹亿零壹元整) and at 元 or 角 (壹仟陆佰捌拾元零叁角贰分,
 *   壹元零伍分). Where the standard allows 零 or nothing (a zero 万 or 元 digit before a non-zero
 *   仟 or 角) this writes 零: one rule, and no gap a digit could be slipped into. Zeros that
 *   end the amount are not written (壹拾万元整);
 * - under one yuan the amount starts at 角 or 分 (伍角整, 伍分); zero is 人民币零元整; a negative
 *   amount is 人民币负… (what accounting software prints for a reversal);
 * - up to 千亿 (999,999,999,999.99); two decimals at most, as the ledger keeps cents;
 * - a foreign-currency account's amount is named by its currency (美元…, 港币…) with the same
 *   元角分 (how Chinese bank slips write them).
 *
 * Pure and without imports: the admin (confirmation dialogs) and the report engine (the cash
 * voucher) use this one function. Works on the decimal digits, never on a float.
 */

const DIGIT = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const UNIT = ['', '拾', '佰', '仟'] as const;
const GROUP = ['', '万', '亿'] as const;

const AMOUNT = /^([+-])?(\d{1,12})(?:\.(\d{1,2}))?$/;

/** The word that names the currency before the amount. */
const CURRENCY: Record<string, string> = { CNY: '人民币', USD: '美元', HKD: '港币' };

/** The integer part (no leading zeros, at most 12 digits, not "0") in capitals, without 元. */
function integerWords(digits: string): string {
    let out = '';
    let zero = false;
    const n = digits.length;
    for (let i = 0; i < n; i++) {
        const d = Number(digits[i]);
        const position = n - 1 - i;
        if (d === 0) zero = true;
        else {
            if (zero) out += DIGIT[0];
            out += DIGIT[d]! + UNIT[position % 4]!;
            zero = false;
        }
        // the 万 or 亿 closing a group of four, if the group holds any digit
        if (position % 4 === 0 && position > 0 && /[1-9]/.test(digits.slice(Math.max(0, i - 3), i + 1)))
            out += GROUP[position / 4]!;
    }
    return out;
}

/**
 * "1234567.80" → "人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角整". Takes a decimal string (grouping
 * commas and spaces allowed) and the account's currency (CNY by default); null for anything
 * else, for more than two decimals, for amounts of a 万亿 and more, and for an unknown currency.
 */
export function amountInWords(value: unknown, currency = 'CNY'): string | null {
    const name = CURRENCY[currency];
    if (name === undefined) return null;
    if (typeof value !== 'string' && !(typeof value === 'number' && Number.isSafeInteger(value))) return null;
    const match = AMOUNT.exec(String(value).replace(/[\s,，]/g, ''));
    if (!match) return null;
    const integer = match[2]!.replace(/^0+(?=\d)/, '');
    const fraction = (match[3] ?? '').padEnd(2, '0');
    const jiao = Number(fraction[0]);
    const fen = Number(fraction[1]);
    const negative = match[1] === '-' && /[1-9]/.test(integer + fraction);
    let words: string;
    if (integer === '0') {
        if (jiao === 0 && fen === 0) words = '零元整';
        else words = (jiao ? `${DIGIT[jiao]}角` : '') + (fen ? `${DIGIT[fen]}分` : '整');
    } else {
        words = `${integerWords(integer)}元`;
        if (jiao === 0 && fen === 0) words += '整';
        else {
            // the zeros between the last non-zero digit of the yuan and the first of the cents
            if (integer.endsWith('0') || jiao === 0) words += DIGIT[0];
            words += jiao ? `${DIGIT[jiao]}角` : '';
            words += fen ? `${DIGIT[fen]}分` : '整';
        }
    }
    return `${name}${negative ? '负' : ''}${words}`;
}
