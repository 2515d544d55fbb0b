// Secrets in YAML: the reference depends on who reads the file. GitHub Actions `${{ secrets.NAME }}`,
// a Kubernetes `secretKeyRef`, Compose/Spring/CI/Yarn `${NAME}`, Ansible `lookup('env')`, Rails ERB,
// Azure Pipelines `$(NAME)`; Helm values are emptied and passed at deploy time.
import { baseName } from '../lang/languages';
import type { TextEdit } from '../types';
import { eolOf, replace, rotateAdvice, storedAdvice, type Draft, type FixContext } from './draft';
import { actionsOidcChange } from './actionsOidc';
import { placementOf, type CodeSyntax } from './literals';
import { actionsSecretName, envNameFor, isPasswordPart, toEnvName } from './names';

const YAML_SYNTAX: CodeSyntax = { quotes: ['"', "'"], lineComment: ['#'], commentAtWordStart: true };

export type YamlFlavour = 'actions' | 'kubernetes' | 'compose' | 'spring' | 'ansible' | 'rails' | 'gitlab' | 'azure-pipelines' | 'helm' | 'ci' | 'yarnrc' | 'generic';

export function yamlFlavour(path: string, text: string): YamlFlavour {
  const p = path.toLowerCase();
  const name = baseName(p);
  if (/(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(p) || /(?:^|\/)action\.ya?ml$/.test(p)) return 'actions';
  if (/^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/.test(name)) return 'compose';
  if (/^(?:application|bootstrap)(?:-[\w]+)?\.ya?ml$/.test(name)) return 'spring';
  if (/(?:^|\/)(?:group_vars|host_vars|roles|playbooks?)\//.test(p) || /^\s*-\s+hosts:/m.test(text)) return 'ansible';
  if (/(?:^|\/)config\/(?:database|cable|storage|secrets)\.yml$/.test(p) || (/(?:^|\/)config\/[\w.-]+\.ya?ml$/.test(p) && /<%=/.test(text))) return 'rails';
  if (name === '.gitlab-ci.yml') return 'gitlab';
  if (/^azure-pipelines/.test(name) || (/^\s*pool:/m.test(text) && /^\s*(?:trigger|stages|steps):/m.test(text) && /\$\(\w+\)|task:/.test(text))) return 'azure-pipelines';
  if (/^values(?:[.-][\w-]+)?\.ya?ml$/.test(name)) return 'helm';
  if (/^apiVersion:\s*\S/m.test(text) && /^kind:\s*\w/m.test(text)) return 'kubernetes';
  if (name === 'bitbucket-pipelines.yml' || /(?:^|\/)\.circleci\/config\.ya?ml$/.test(p) || name === '.drone.yml' || name === '.travis.yml' || name === 'buildkite.yml') return 'ci';
  if (name === '.yarnrc.yml') return 'yarnrc';
  return 'generic';
}

interface Scalar {
  /** `"` or `'` for a quoted scalar, '' for a plain or block scalar. */
  quote: string;
  /** The value is the whole scalar. */
  whole: boolean;
  /** Start and end of the whole scalar, quotes included. */
  start: number;
  end: number;
  /** Inside a flow collection (`{ a: b }`, `[a, b]`), where `{` and `,` end a plain scalar. */
  flow: boolean;
}

function scalarAround(text: string, value: { start: number; end: number }): Scalar | 'comment' {
  const placement = placementOf(text, value, YAML_SYNTAX);
  if (placement.kind === 'comment') return 'comment';
  const lineStart = text.lastIndexOf('\n', value.start - 1) + 1;
  const head = text.slice(lineStart, value.start);
  const flow = /[[{]/.test(head.replace(/"[^"]*"|'[^']*'/g, ''));
  if (placement.kind === 'string') {
    const l = placement.literal;
    return { quote: l.quote, whole: l.contentStart === value.start && l.contentEnd === value.end, start: l.start, end: l.end, flow };
  }
  const nl = text.indexOf('\n', value.end);
  const tail = text.slice(value.end, nl === -1 ? text.length : nl).replace(/\r$/, '');
  const plainHead = /(?:^\s*(?:-\s+)*|:\s+|-\s+|[[{,]\s*)$/.test(head);
  const plainTail = /^\s*(?:#.*)?$/.test(tail) || (flow && /^\s*[,\]}]/.test(tail));
  return { quote: '', whole: plainHead && plainTail, start: value.start, end: value.end, flow };
}

/** The reference written into the scalar, escaped for its quoting. */
function inScalar(reference: string, scalar: Scalar): string {
  if (scalar.quote === '"') return reference.replace(/[\\"]/g, (c) => `\\${c}`);
  if (scalar.quote === "'") return reference.replace(/'/g, "''");
  if (scalar.whole && (/^[{[&*!|>%@`'"]/.test(reference) || /: | #/.test(reference) || (scalar.flow && /[{},[\]]/.test(reference)))) {
    return `"${reference.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  }
  return reference;
}

interface YamlKey {
  key: string;
  /** Enclosing keys, outermost first. */
  parents: string[];
  lineStart: number;
  indent: number;
}

const KEY_LINE = /^(\s*)(?:-\s+)?(?:"([^"]+)"|'([^']+)'|([^\s#'"][^:#]*?))\s*:(?:\s|$)/;

/** The key on the value's line and the keys above it by indentation. */
function keyOf(text: string, offset: number): YamlKey {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const line = text.slice(lineStart, nl === -1 ? text.length : nl);
  const m = KEY_LINE.exec(line);
  const indent = /^\s*(?:-\s+)?/.exec(line)![0].length;
  const parents: string[] = [];
  let limit = m ? indent : indent + 1;
  let end = lineStart - 1;
  while (end > 0 && limit > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const l = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (!l.trim() || /^\s*#/.test(l)) continue;
    const k = KEY_LINE.exec(l);
    const ind = /^\s*/.exec(l)![0].length;
    if (ind < limit && k) {
      parents.unshift(k[2] ?? k[3] ?? k[4]);
      limit = ind;
    } else if (ind < limit) {
      limit = ind;
    }
    if (start === 0) break;
  }
  return { key: m ? m[2] ?? m[3] ?? m[4] : '', parents, lineStart, indent };
}

export function yamlDraft(ctx: FixContext): Draft | undefined {
  const { text } = ctx.doc;
  const scalar = scalarAround(text, ctx.value);
  if (scalar === 'comment') return undefined;
  const flavour = yamlFlavour(ctx.doc.path, text);
  const found = keyOf(text, scalar.start);
  const { parents, lineStart } = found;
  // Script keys hold commands, not names: `run: echo "…"` names nothing.
  const key = /^(?:run|script|before_script|after_script|command|commands|cmd|args|entrypoint|inline|bash|powershell|pwsh|sh)$/.test(found.key) ? '' : found.key;
  const value = scalar.quote === '"' ? ctx.raw.replace(/\\(["\\/])/g, '$1') : scalar.quote === "'" ? ctx.raw.replace(/''/g, "'") : ctx.raw;
  const passwordOfUrl = !scalar.whole && isPasswordPart(text.slice(lineStart, ctx.value.start), text.slice(ctx.value.end, ctx.value.end + 2));
  const envKey = scalar.whole && /^[A-Z][A-Z0-9_]*$/.test(key) ? key : undefined;
  // A file named after what it configures (database.yml, redis.yaml) names its values when no key above does.
  const stem = /^([a-z][\w-]*?)(?:[.-](?:prod|production|staging|dev|local))?\.ya?ml$/i.exec(baseName(ctx.doc.path))?.[1];
  const context = stem && !/^(?:config|settings|values|application|bootstrap|main|default|defaults|secrets?|env|vars|docker-compose|compose)$/i.test(stem) ? [stem, ...parents] : parents;
  const preferred = envKey ?? (flavour === 'spring' && key && scalar.whole
    ? toEnvName([...parents, key].join('_'))
    : envNameFor({ ruleId: ctx.finding.ruleId, bound: passwordOfUrl ? key || undefined : key || (found.key ? undefined : ctx.finding.boundName), parents: context, passwordOfUrl }));
  const file = baseName(ctx.doc.path);
  // The reference takes the value's place, escaped for the scalar's quoting (quotes kept; a plain scalar quoted when it must be).
  const reference = (ref: string, how: string, name: string): Draft => ({
    title: `Reference ${ref} in ${file} and move the value to ${ctx.envFile}`,
    description: `${how} ${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
    preferred: true,
    edits: [replace(ctx.value, inScalar(ref, scalar))],
  });

  switch (flavour) {
    case 'actions': {
      const oidc = oidcDraft(ctx);
      if (oidc) return oidc;
      const name = ctx.env.place(actionsSecretName(preferred), value);
      return reference(`\${{ secrets.${name} }}`, `Add it as a repository or environment secret (\`gh secret set ${name}\`).`, name);
    }
    case 'kubernetes': {
      const ref = secretKeyRef(ctx, scalar, key, value);
      if (ref) return ref;
      break;
    }
    case 'compose': {
      const variable = /\$\{([A-Za-z_]\w*):?-$/.exec(text.slice(lineStart, ctx.value.start))?.[1];
      if (variable) {
        const name = ctx.env.placeRequired(variable, value);
        return { title: `Remove the hardcoded default of \${${variable}} (kept in ${ctx.envFile})`, description: `${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`, preferred: true, edits: [replace(ctx.value, '')] };
      }
      const name = ctx.env.place(preferred, value);
      return reference(`\${${name}}`, `Compose substitutes \${${name}} from the environment or the .env file of the project folder (\`docker compose --env-file ${ctx.envFile}\` otherwise).`, name);
    }
    case 'ansible': {
      const name = ctx.env.place(preferred, value);
      return reference(`{{ lookup('ansible.builtin.env', '${name}') }}`, 'Ansible reads it from the controller\'s environment; an ansible-vault encrypted vars file is the alternative.', name);
    }
    case 'rails': {
      const name = ctx.env.place(preferred, value);
      return reference(`<%= ENV.fetch('${name}') %>`, 'Rails evaluates the ERB when it loads the file.', name);
    }
    case 'gitlab': case 'azure-pipelines': {
      const name = ctx.env.place(preferred, value);
      const how = flavour === 'gitlab' ? `Define ${name} as a masked CI/CD variable in the project settings.` : `Define ${name} as a secret pipeline variable (or in a variable group).`;
      if (scalar.whole && parents[parents.length - 1] === 'variables' && key === name) {
        const lineEnd = text.indexOf('\n', ctx.value.end);
        let start = lineStart;
        // `variables:` with no entry left would be null, which GitLab rejects: it goes too.
        const parentStart = text.lastIndexOf('\n', lineStart - 2) + 1;
        const indent = /^\s*/.exec(text.slice(lineStart))![0].length;
        const nextLine = text.slice(lineEnd + 1, text.indexOf('\n', lineEnd + 1) === -1 ? text.length : text.indexOf('\n', lineEnd + 1));
        if (/^\s*variables\s*:\s*$/.test(text.slice(parentStart, lineStart - 1)) && (nextLine.trim() === '' || /^\s*/.exec(nextLine)![0].length < indent)) start = parentStart;
        return {
          title: `Remove ${key} from the pipeline file: the CI/CD variable of that name takes over (value moved to ${ctx.envFile})`,
          description: `${how} ${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
          preferred: true,
          edits: [replace({ start, end: lineEnd === -1 ? text.length : lineEnd + 1 }, '')],
        };
      }
      return reference(flavour === 'gitlab' ? `\${${name}}` : `$(${name})`, how, name);
    }
    case 'helm': {
      const name = ctx.env.place(preferred, value);
      const path = [...parents, key].filter(Boolean).join('.');
      if (!scalar.whole) break;
      return {
        title: `Empty ${path} in ${file} and pass it at deploy time (value moved to ${ctx.envFile})`,
        description: `Pass it when installing: \`helm upgrade --install ... --set ${path}="$${name}"\`, or from a values file that stays out of git. ${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
        preferred: true,
        edits: [replace(scalar, '""')],
      };
    }
    case 'spring': case 'ci': case 'yarnrc': {
      const name = ctx.env.place(preferred, value);
      const how = flavour === 'spring' ? 'Spring resolves ${NAME} placeholders from the environment.' : flavour === 'yarnrc' ? 'Yarn expands ${NAME} in .yarnrc.yml from the environment.' : `Define ${name} as a secured variable of the CI project; the script reads it from the environment.`;
      return reference(`\${${name}}`, how.replace('NAME', name), name);
    }
  }
  const name = ctx.env.place(preferred, value);
  const draft = reference(`\${${name}}`, `Check that the program reading ${file} expands \${${name}} from the environment (Compose, Spring, most CI systems and many servers do); otherwise give it the value another way.`, name);
  draft.title = `${draft.title} (check that ${file}'s reader expands it)`;
  return draft;
}

const OIDC_INPUT_NAMES: Record<string, string> = {
  'aws-access-key-id': 'AWS_ACCESS_KEY_ID', 'aws-secret-access-key': 'AWS_SECRET_ACCESS_KEY', 'aws-session-token': 'AWS_SESSION_TOKEN',
  credentials_json: 'GCP_CREDENTIALS_JSON', creds: 'AZURE_CREDENTIALS',
};

/** A literal key handed to a cloud credentials action: the step switches to OIDC; the literals move to the env file. */
function oidcDraft(ctx: FixContext): Draft | undefined {
  const change = actionsOidcChange(ctx.doc.text, ctx.value.start);
  if (!change) return undefined;
  const stored = change.removed.filter((r) => r.value && !r.value.includes('${{')).map((r) => ctx.env.place(OIDC_INPUT_NAMES[r.input] ?? toEnvName(r.input), r.value));
  const kept = stored.length ? ` The removed keys are kept in ${ctx.envFile} as ${stored.join(', ')} (git-ignored).` : '';
  return { title: change.title, description: `${change.description}${kept} ${rotateAdvice(ctx.finding)}`, preferred: true, edits: change.edits };
}

/** `- name: X` / `value: literal` in a container's env list → `valueFrom.secretKeyRef`. */
function secretKeyRef(ctx: FixContext, scalar: Scalar, key: string, value: string): Draft | undefined {
  const { text } = ctx.doc;
  if (key !== 'value' || !scalar.whole) return undefined;
  const lineStart = text.lastIndexOf('\n', scalar.start - 1) + 1;
  const line = text.slice(lineStart, scalar.start);
  const m = /^(\s*)(-\s+)?value\s*:\s*$/.exec(line);
  if (!m) return undefined;
  const keyColumn = m[1].length + (m[2]?.length ?? 0);
  // The entry's name: the `- name: X` that opens this list item.
  let envName: string | undefined;
  for (let end = lineStart - 1; end > 0 && envName === undefined;) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const l = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    const item = /^(\s*)-\s+(?:name\s*:\s*["']?([A-Za-z_][\w.-]*)["']?\s*$)?/.exec(l);
    if (item) envName = item[1].length + 2 === keyColumn && item[2] ? item[2] : '';
    else if (l.trim() && /^\s*/.exec(l)![0].length < keyColumn) envName = '';
  }
  if (!envName) return undefined;
  const docStart = text.lastIndexOf('\n---', scalar.start) + 1;
  const appName = /^metadata:\s*\r?\n(?:\s+.*\r?\n)*?\s+name:\s*["']?([\w.-]+)/m.exec(text.slice(docStart))?.[1] ?? 'app';
  const secretName = `${appName}-secrets`;
  const name = ctx.env.place(toEnvName(envName), value);
  const eol = eolOf(text);
  const pad = ' '.repeat(keyColumn);
  const nl = text.indexOf('\n', scalar.end);
  const lineEnd = nl === -1 ? text.length : nl;
  const edits: TextEdit[] = [replace({ start: lineStart + keyColumn, end: text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd },
    `valueFrom:${eol}${pad}  secretKeyRef:${eol}${pad}    name: ${secretName}${eol}${pad}    key: ${envName}`)];
  return {
    title: `Read ${envName} from the Kubernetes Secret ${secretName} (secretKeyRef; value moved to ${ctx.envFile})`,
    description: `Create the Secret outside git, e.g. \`kubectl create secret generic ${secretName} --from-literal=${envName}="$${name}"\` (or with External Secrets / Sealed Secrets); check the Secret name. ${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
    preferred: true,
    edits,
  };
}
