/**
 * A few Swedish lines for the run's printed report (what `npm start` shows): the Styrmått, the national
 * rankings, the agendapyramids with their riktningsförändringar, the risk register and the self-assessment's
 * themes. Empty when the set has none of them; the summary holds the detail.
 * @module
 */
import type { SetAssessment } from '../model/model.ts';
import { goalLabel } from '../model/agenda-2030.ts';
import { isRankUnit } from '../model/ranking.ts';
import { RISK_LEVELS } from '../model/template.ts';
import { outcomeCell, headlineMetrics } from './headlines.ts';
import { pyramidName } from './agenda-pyramid.ts';
import { riskAreaName } from './risk-areas.ts';

export function reportHighlights(set: SetAssessment): string[] {
  const lines: string[] = [];
  const headlines = headlineMetrics(set.metrics);
  if (headlines.length > 0) {
    lines.push(`Styrmått: ${headlines.map((m) => `${m.headline} – ${m.name} ${outcomeCell(m).text}: ${m.status}`).join('; ')}`);
  }
  const rankings = set.metrics.filter((m) => isRankUnit(m.unit) && m.value !== null);
  if (rankings.length > 0) {
    const one = (m: (typeof rankings)[number]) =>
      `${m.name} ${outcomeCell(m).text}: ${m.status}${m.comparison ? `, publicerad jämförelse ${m.comparison.toLocaleLowerCase('sv-SE')}` : ''}`;
    lines.push(`Rankningar: ${rankings.map(one).join('; ')}`);
  }
  const pyramids = set.pyramids;
  if (pyramids) {
    const shifts = pyramids.shifts.map((d) => {
      const first = d.shifts[0];
      return first
        ? `${d.division} ${d.shifts.length} (störst: ${goalLabel(first.goal)}, ${first.division} → ${first.political})`
        : `${d.division} inga`;
    });
    lines.push(`Agendapyramider: ${pyramids.pyramids.map(pyramidName).join(', ')}${shifts.length > 0 ? `; riktningsförändringar: ${shifts.join('; ')}` : ''}`);
  }
  const risks = set.risks;
  if (risks) {
    const levels = RISK_LEVELS.filter((l) => risks.counts[l] > 0).map((l) => `${risks.counts[l]} ${l}`).join(', ');
    const missing = risks.withoutAction.map((a) => `${riskAreaName(a)} (${a.level})`).join(', ');
    lines.push(`Riskområden: ${risks.areas.length} (${levels})${missing ? `; utan åtgärd: ${missing}` : ''}`);
  }
  const themes = set.survey?.themes ?? [];
  if (themes.length > 0) {
    lines.push(`Självskattningens teman: ${themes.map((t) => `${t.theme} (${t.statements.length} påståenden)`).join(', ')}`);
  }
  return lines;
}
