import { A } from '@solidjs/router';
import type { ReportAccess } from '../../../../shared/access/reportAccess.ts';
import { t } from '../../common/i18n.ts';

/**
 * Above a report, off the printout: the way back (a staff member's own list, or HR's campaign page) and, discreetly,
 * why the viewer may read it (§21).
 */
export function ReportViewerBar(props: { access: ReportAccess; campaign: { id: string; name: string } }) {
  const personal = () => props.access === 'own' || props.access === 'evaluator' || props.access === 'calibration';
  return (
    <p class="no-print row spread">
      {personal() ? <A href="/my/reports">← {t('access.backToMine')}</A> : <A href={`/campaigns/${props.campaign.id}`}>← {props.campaign.name}</A>}
      <span class="muted small" data-testid="report-access">{t(`access.${props.access}`)}</span>
    </p>
  );
}
