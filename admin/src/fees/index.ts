/** Fee schedules (费率): the generated screens plus a live fee preview. Register as overrides:
 *  `{ fee_schedules: { edit: FeeScheduleEdit, create: FeeScheduleCreate } }`. */
export { FeeScheduleEdit } from './FeeScheduleEdit';
export { FeeScheduleCreate } from './FeeScheduleCreate';
export { FeePreview } from './FeePreview';
export {
    buildPreviewRequest,
    draftFromForm,
    DEFAULT_SAMPLE,
    PREVIEW_ROWS,
    type PreviewResult,
    type SampleTrade,
} from './feePreview';
