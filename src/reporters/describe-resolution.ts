import type { ResolutionReport } from "../model/analysis-result.js";
import { formatShare } from "../model/format-share.js";

/** One line for summaries: which tsconfigs governed how many modules, and the unresolved share against its limit. */
export function describeResolution(report: ResolutionReport): string {
  const governed = report.tsconfigs.map(
    (entry) => `${entry.file ?? "no tsconfig"} (${entry.modules}${entry.notIncluded > 0 ? `, ${entry.notIncluded} outside its include` : ""})`,
  );
  const shown = governed.length > 4 ? [...governed.slice(0, 4), `… ${governed.length - 4} more`] : governed;
  const outside = report.outside > 0 ? `, ${report.outside} outside the folder` : "";
  return `resolved with ${shown.join(", ") || "no tsconfig"}; ${formatShare(report.unresolvedShare)} of ${report.localImports} relative and alias imports unresolved (limit ${formatShare(report.maxUnresolvedShare)})${outside}`;
}
