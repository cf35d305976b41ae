export { prepareNumber, phoneOptionsOf, type PreparedNumber } from './prepare-number';
export { buildDialUrl, checkUrlTemplate, encodeUrlComponent, MAX_DIAL_URL_LENGTH, type TemplateValues, type UrlParams } from './url-template';
export { buildOsDialUri, OS_DIAL_SCHEMES, type OsDialScheme } from './os-uri';
export {
  actionAttributes,
  actionsOf,
  callActionsFor,
  dialAttributeOf,
  DEFAULT_CALL_ACTIONS,
  urlParamsForNumber,
  type CallAction,
  type CallActionContext,
  type CallActionPerson,
} from './call-actions';
export { needsConfirmation, readDialLink, type DialLink, type DialOrigin } from './deep-link-dial';
export { resolveDialMethod, type DialRouteFacts, type DialSetting } from './dial-route';
