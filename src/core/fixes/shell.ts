// Secrets in shell scripts, Dockerfiles and Makefiles: the value becomes a variable reference
// (`"${NAME}"`), a Dockerfile gets an `ARG` without a default, a Makefile variable takes its value
// from the environment.
import { assignedName, commentDraft } from './code';
import { indentOf, insert, replace, rotateAdvice, storedAdvice, type Draft, type FixContext } from './draft';
import { placementOf, SYNTAX } from './literals';
import { envNameFor, isPasswordPart } from './names';

/** `${X:-value}`: the literal is the default of a variable reference. */
function referenceDefault(text: string, valueStart: number): string | undefined {
  return /\$\{([A-Za-z_]\w*):?[-=]$/.exec(text.slice(Math.max(0, valueStart - 130), valueStart))?.[1];
}

/** Replaces the value with `${NAME}` in shell quoting; the name comes from the assignment when there is one. */
function shellReference(ctx: FixContext, name: string): { edit: ReturnType<typeof replace> } | undefined {
  const { text } = ctx.doc;
  const placement = placementOf(text, ctx.value, SYNTAX.bash);
  if (placement.kind === 'comment') return undefined;
  if (placement.kind === 'string') {
    const l = placement.literal;
    const whole = l.contentStart === ctx.value.start && l.contentEnd === ctx.value.end;
    if (l.quote === '"') return { edit: replace(ctx.value, `\${${name}}`) };
    if (whole) return { edit: replace(l, `"\${${name}}"`) };
    return { edit: replace(ctx.value, `'"\${${name}}"'`) };
  }
  // An unquoted word.
  return { edit: replace(ctx.value, `"\${${name}}"`) };
}

function shellName(ctx: FixContext, before: string, after = ''): string {
  const assigned = /(?:^|[\s;])(?:export\s+|local\s+|declare\s+(?:-\w+\s+)?|readonly\s+)?([A-Za-z_]\w*)=["']?$/.exec(before)?.[1];
  const bound = ctx.finding.boundName ?? assigned ?? assignedName(ctx.doc.text, ctx.value.start);
  const passwordOfUrl = isPasswordPart(before, after) || /-u\s+["']?[^\s:'"]+:$/.test(before);
  return envNameFor({ ruleId: ctx.finding.ruleId, bound: passwordOfUrl ? undefined : bound, passwordOfUrl });
}

export function shellDraft(ctx: FixContext): Draft | undefined {
  const { text } = ctx.doc;
  const placement = placementOf(text, ctx.value, SYNTAX.bash);
  if (placement.kind === 'comment') return commentDraft(ctx);
  const value = ctx.raw;
  const variable = referenceDefault(text, ctx.value.start);
  if (variable) {
    const name = ctx.env.placeRequired(variable, value);
    return {
      title: `Remove the hardcoded default of \${${variable}} (kept in ${ctx.envFile}${name === variable ? '' : ` as ${name}`})`,
      description: `${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
      preferred: true,
      edits: [replace(ctx.value, '')],
    };
  }
  const lineStart = text.lastIndexOf('\n', ctx.value.start - 1) + 1;
  const name = ctx.env.place(shellName(ctx, text.slice(lineStart, ctx.value.start), text.slice(ctx.value.end, ctx.value.end + 2)), value);
  const ref = shellReference(ctx, name);
  if (!ref) return undefined;
  return {
    title: `Read \${${name}} from the environment and move the value to ${ctx.envFile}`,
    description: `${storedAdvice(name, ctx.envFile)} Load it before the script runs (for example \`set -a; . ./${ctx.envFile}; set +a\`). ${rotateAdvice(ctx.finding)}`,
    preferred: true,
    edits: [ref.edit],
  };
}

/** The line an instruction starts on, following `\` continuations back. */
function instructionStart(text: string, offset: number): number {
  let start = text.lastIndexOf('\n', offset - 1) + 1;
  while (start > 0) {
    const prevEnd = start - 1;
    const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
    if (!/\\\s*$/.test(text.slice(prevStart, prevEnd))) break;
    start = prevStart;
  }
  return start;
}

export function dockerfileDraft(ctx: FixContext): Draft | undefined {
  const { text } = ctx.doc;
  const lineStart = text.lastIndexOf('\n', ctx.value.start - 1) + 1;
  const lineText = text.slice(lineStart, ctx.value.start);
  if (/^\s*#/.test(lineText)) return commentDraft(ctx);
  const start = instructionStart(text, ctx.value.start);
  const instruction = /^\s*([A-Za-z]+)/.exec(text.slice(start))?.[1]?.toUpperCase();
  const value = ctx.raw;
  const advice = 'Pass it at build time (`docker build --build-arg NAME`), or better as a BuildKit secret (`RUN --mount=type=secret,id=...`) so that it never lands in an image layer;';

  // ARG NAME=value → ARG NAME
  const arg = /(^|\s)ARG\s+([A-Za-z_]\w*)=["']?$/i.exec(text.slice(start, ctx.value.start));
  if (instruction === 'ARG' && arg) {
    const name = ctx.env.placeRequired(arg[2], value);
    const from = start + arg.index + arg[0].length - (/["']$/.test(arg[0]) ? 2 : 1);
    const quoteAfter = /^["']/.test(text.slice(ctx.value.end)) ? 1 : 0;
    return {
      title: `Drop the default of build argument ${arg[2]} (value moved to ${ctx.envFile}${name === arg[2] ? '' : ` as ${name}`})`,
      description: `${advice} ${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
      preferred: true,
      edits: [replace({ start: from, end: ctx.value.end + quoteAfter }, '')],
    };
  }
  if (instruction !== 'ENV' && instruction !== 'RUN' && instruction !== 'LABEL') return undefined;
  const before = text.slice(lineStart, ctx.value.start);
  const key = /([A-Za-z_]\w*)[=\s]["']?$/.exec(before)?.[1];
  const name = ctx.env.place(instruction === 'ENV' && key ? key : shellName(ctx, before, text.slice(ctx.value.end, ctx.value.end + 2)), value);
  const ref = shellReference(ctx, name);
  if (!ref) return undefined;
  const edits = [ref.edit];
  const declared = new RegExp(`^\\s*ARG\\s+${name}(?:[=\\s]|$)`, 'mi').test(text.slice(stageStart(text, start), start));
  if (!declared) edits.push(insert(start, `${indentOf(text.slice(start))}ARG ${name}\n`));
  return {
    title: `Take ${name} from a build argument instead of the Dockerfile (value moved to ${ctx.envFile})`,
    description: `${advice} an ENV value is visible to anyone who pulls the image; set it at run time (\`docker run --env-file ${ctx.envFile}\`) instead. ${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
    preferred: true,
    edits,
  };
}

function stageStart(text: string, before: number): number {
  const head = text.slice(0, before);
  const re = /^\s*FROM\s/gim;
  let last = 0;
  for (let m = re.exec(head); m; m = re.exec(head)) last = m.index;
  return last;
}

/** `TOKEN ?= value` in a Makefile: the value is dropped, so that the environment's TOKEN applies. */
export function makefileDraft(ctx: FixContext): Draft | undefined {
  const { text } = ctx.doc;
  const lineStart = text.lastIndexOf('\n', ctx.value.start - 1) + 1;
  const lineEnd = text.indexOf('\n', ctx.value.end) === -1 ? text.length : text.indexOf('\n', ctx.value.end);
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const m = /^(\s*(?:export\s+|override\s+)?)([A-Za-z_][\w]*)(\s*)(\?=|:=|::=|=)(\s*)/.exec(line);
  if (!m || lineStart + m[0].length > ctx.value.start) return shellDraft(ctx);
  const rest = line.slice(m[0].length);
  if (rest.trim() !== ctx.raw) return undefined;
  const name = ctx.env.placeRequired(m[2], ctx.raw);
  const operatorStart = lineStart + m[1].length + m[2].length + m[3].length;
  return {
    title: `Take ${m[2]} from the environment (value moved to ${ctx.envFile}${name === m[2] ? '' : ` as ${name}`})`,
    description: `\`${m[2]} ?=\` keeps any value the environment gives. ${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
    preferred: true,
    edits: [replace({ start: operatorStart, end: lineStart + line.length }, '?=')],
  };
}
