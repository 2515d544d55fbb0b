// Vault TTLs set from the command line, in scripts, CI steps, Dockerfiles and docs' code blocks:
// `vault token create -ttl=8760h`, `vault write auth/approle/role/ci token_max_ttl=720h`,
// `vault secrets tune -max-lease-ttl=8760h database/`. PKI and SSH roles set certificate TTLs: skipped.
import type { LifecycleLimits } from '../config';
import type { Detector, ScanContext } from '../detector';
import { KeywordSet } from '../keywordIndex';
import type { RawFinding } from '../types';
import { formatSeconds, goDurationSeconds } from './durations';
import { durationRemedy } from './remedy';
import { LIFECYCLE_RULES } from './rules';

/** Looked up in the keyword pass every detector shares (see keywordIndex.ts). */
const WORDS = new KeywordSet(['vault', 'ttl', 'period']);
const COMMAND = /\bvault\s+(?:token\s+create|write|secrets\s+(?:enable|tune)|auth\s+(?:enable|tune))\b[^\n]{0,1000}/g;
const TTL_ARGUMENT = /(?:^|\s)-{0,2}((?:token_)?(?:explicit_)?(?:max_)?ttl|(?:token_)?period|(?:default|max)[-_]lease[-_]ttl)=["']?([\w.]{1,20})/g;

export function vaultCliDetector(limits: LifecycleLimits): Detector {
  return {
    id: 'lifecycle-vault-cli',
    rules: [LIFECYCLE_RULES.vaultTtl],
    detect(ctx: ScanContext): RawFinding[] {
      if (!WORDS.has(ctx, 'vault') || (!WORDS.has(ctx, 'ttl') && !WORDS.has(ctx, 'period'))) return [];
      const out: RawFinding[] = [];
      const limit = limits.maxTokenTtlHours * 3600;
      COMMAND.lastIndex = 0;
      for (let command = COMMAND.exec(ctx.text); command; command = COMMAND.exec(ctx.text)) {
        if (/\s(?:\S*\/)?(?:pki|ssh)[\w-]*\//.test(command[0])) continue;
        TTL_ARGUMENT.lastIndex = 0;
        for (let arg = TTL_ARGUMENT.exec(command[0]); arg; arg = TTL_ARGUMENT.exec(command[0])) {
          const seconds = goDurationSeconds(arg[2]);
          if (seconds === undefined || seconds <= limit) continue;
          const start = command.index + arg.index + arg[0].lastIndexOf(arg[2]);
          out.push({
            ruleId: LIFECYCLE_RULES.vaultTtl.id, span: { start, end: start + arg[2].length }, confidence: 'context',
            message: `\`${arg[1]}=${arg[2]}\` on a \`vault\` command is ${formatSeconds(seconds)} (the limit is ${formatSeconds(limit)}): a leaked token or lease stays usable that long. Keep it short and let clients renew.`,
            evidence: [`${arg[1]}: ${formatSeconds(seconds)}`],
            remedy: durationRemedy(ctx.text, { start, end: start + arg[2].length }, 'go', limit, `Vault \`${arg[1]}\``),
          });
        }
      }
      return out;
    },
  };
}
