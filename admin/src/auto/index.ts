/**
 * Screens generated from the server's resource metadata (GET /api/meta/resources): one
 * declaration drives the list (columns, filters, sort), show (fields + change history),
 * edit/create (inputs by type, optimistic lock, 复核), Excel export and import.
 */
export type {
    Bilingual,
    Dictionary,
    DictionaryEntry,
    FieldMeta,
    FieldType,
    HistoryEntry,
    MetaResponse,
    ResourceGroup,
    ResourceMeta,
} from './types';
export { loadResourceMeta, peekResourceMeta, useResourceMeta, AutoMetaContext, type ResourceMetaState } from './meta';
export { autoResourceProps, autoResources, type AutoOverrides } from './autoResourceProps';
export { renderAutoResources } from './renderAutoResources';
export { AutoMenuItems } from './AutoMenuItems';
export { menuGroups, GROUP_ORDER, type MenuGroup } from './menuGroups';
export { AutoList } from './AutoList';
export { AutoShow } from './AutoShow';
export { AutoEdit, AutoCreate, type AutoEditProps } from './AutoEdit';
export { AutoForm, AutoDeleteButton, useAutoSaved, type AutoFormProps } from './AutoForm';
export { AutoInput } from './AutoInput';
export { AutoField, AutoValue, BooleanChip, ReferenceValue } from './AutoValue';
export { AutoImportButton } from './AutoImportButton';
export { HistoryPanel } from './HistoryPanel';
export { autoMessages, type AutoMessages } from './messages';
export { dictChoices, dictLabel, displayFieldFor, fieldLabel, pickLabel, resourceLabel } from './labels';
