import { assertSafeRelativePath } from "./assert-safe-path.js";
import type { PlannedFile } from "./generation-plan.js";
import { renderTemplate } from "./render-template.js";
import type { TemplateSet } from "./read-templates.js";

const EACH_OPERATION = "[operation]";
const SERVICE = "[service]";

export interface TemplateFolderJob {
  /** Templates under this prefix of the template set, e.g. `service/`. */
  readonly from: string;
  /** Root-relative folder they land in. */
  readonly to: string;
  readonly context: object & { readonly operations?: readonly { readonly fileName: string }[]; readonly service?: string };
  /** Which template paths (without `.hbs`) this job renders; all by default. */
  readonly include?: (target: string) => boolean;
}

/**
 * Renders one template folder into planned files: `x.hbs` is rendered to `x`, any other file is
 * copied verbatim (runtime code), and a path holding `[operation]` is rendered once per operation
 * with `operation` in its context; `[service]` is the context's service name; `x.once.hbs` is
 * written only when missing.
 */
export function planTemplateFolder(templates: TemplateSet, job: TemplateFolderJob): PlannedFile[] {
  const files: PlannedFile[] = [];
  for (const [name, source] of templates) {
    if (!name.startsWith(job.from)) continue;
    const relative = name.slice(job.from.length);
    const rendered = relative.endsWith(".hbs");
    const withoutHbs = rendered ? relative.slice(0, -".hbs".length) : relative;
    // `x.once.hbs`: written when missing, the user's from then on (examples, settings to fill in).
    const once = withoutHbs.endsWith(".once");
    const named = once ? withoutHbs.slice(0, -".once".length) : withoutHbs;
    if (job.include !== undefined && !job.include(named)) continue;
    const target = job.context.service === undefined ? named : named.replace(SERVICE, job.context.service);
    if (target.includes(EACH_OPERATION)) {
      for (const operation of job.context.operations ?? []) {
        const path = target.replace(EACH_OPERATION, operation.fileName);
        files.push({ path: join(job.to, path), content: renderTemplate(name, source, { ...job.context, operation }) });
      }
    } else {
      const content = rendered ? renderTemplate(name, source, job.context) : source;
      files.push(once ? { path: join(job.to, target), content, once } : { path: join(job.to, target), content });
    }
  }
  return files;
}

function join(folder: string, relative: string): string {
  return `${folder}/${assertSafeRelativePath(relative, "template path")}`;
}
