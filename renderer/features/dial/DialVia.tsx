import { useTranslation } from 'react-i18next';
import { useAppStatus } from '../../stores/stores-context';

/**
 * "via CTI bridge" / "via softphone link": which way a call button dials, as the core resolves `dial.method`
 * right now (with `auto` it follows the bridge connecting or dropping).
 */
export function DialVia() {
  const { t } = useTranslation();
  const via = useAppStatus()?.dialVia;
  if (!via) return null;
  return <span className="call-action__via">{t(`dial.via.${via}`)}</span>;
}
