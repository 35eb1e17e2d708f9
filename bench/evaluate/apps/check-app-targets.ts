import type { AppCategory } from "./app-cases.js";
import type { AppScore } from "./score-app-case.js";

/** Issue 9's bar for one application: the reasons it is missed (empty: met). */
export function missedTargets(category: AppCategory, score: AppScore): string[] {
  const missed: string[] = [];
  const { decouple, louvain, folders } = score;
  if (category === "layered by role") {
    if (decouple.nmi < 0.7) missed.push("NMI < 0.70");
    if (decouple.nmi <= folders.nmi) missed.push("NMI ≤ folders");
  } else if (decouple.nmi < folders.nmi - 0.05) {
    missed.push("NMI > 0.05 below folders");
  }
  if (decouple.nmi <= louvain.nmi) missed.push(louvain.nmi >= 1 ? "ties a perfect Louvain (no room above 1.000)" : "NMI ≤ Louvain");
  if (decouple.coverage < 0.8) missed.push("placed < 80 %");
  if (score.roleNamed.length > 0) missed.push("role-named service");
  return missed;
}
