export { buildItopCreationUrl, itopObjectLinks, itopRoot } from './creation-url';
export { createCreationService, type CreationDeps, type CreationService } from './creation-service';
export { enabledIndirect, firstEnabledDirect, isLogAttribute, presetParams, resolvePreset, substituteLogTokens, type CreationChoice, type PresetContext, type ResolvedPreset } from './presets';
export { createFormLookup, type FormLookup, type FormLookupDeps } from './form-lookup';
