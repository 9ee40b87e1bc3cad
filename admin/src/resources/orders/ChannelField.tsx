import { useRecordContext, useTranslate } from 'react-admin';

/** 柜台 / 电话 / 网上 (委托方式). */
export const ChannelField = (_props: { source?: string; label?: string }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    return record ? translate(`resources.orders.channel.${record.channel}`, { _: String(record.channel) }) : null;
};
