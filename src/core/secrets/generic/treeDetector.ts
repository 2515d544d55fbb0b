// Generic secret detection from the syntax tree: a literal bound to a secret-named variable, key,
// argument or field, passed to a credential sink, or used as the fallback of an environment lookup.
import type { Detector, ScanContext } from '../../detector';
import { isTreeLanguage } from '../../lang/languages';
import type { RawFinding } from '../../types';
import { anchorsOf } from './anchors';
import { PROFILES } from './profiles';
import { GENERIC_RULES } from './report';
import { keepVisits, reusableVisits } from './visitMemory';
import { GenericWalker, VisitMerge, type AnchorVisit } from './walker';

export const genericTreeDetector: Detector = {
  id: 'secret/generic-tree',
  rules: GENERIC_RULES,
  wantsTree(ctx: ScanContext): boolean {
    return !ctx.generated && isTreeLanguage(ctx.language) && anchorsOf(ctx).length > 0;
  },
  treeFocus: anchorsOf,
  detect(ctx: ScanContext): RawFinding[] {
    if (ctx.generated || !ctx.tree || !isTreeLanguage(ctx.language)) return [];
    const anchors = anchorsOf(ctx);
    if (anchors.length === 0) return [];
    const walker = new GenericWalker(ctx, PROFILES[ctx.language], ctx.language);
    const root = ctx.tree.rootNode;
    const walk = (offset: number) => walker.visit(root, offset);
    // In an open document, visits the edit cannot have changed are taken from the last scan.
    const visitAt = ctx.live ? reusableVisits(ctx, ctx.live, walk) : walk;
    const merge = new VisitMerge(ctx);
    const visits: AnchorVisit[] = [];
    for (const offset of anchors) {
      if (merge.full) break;
      const visit = visitAt(offset);
      visits.push(visit);
      merge.add(offset, visit);
    }
    if (ctx.live) keepVisits(ctx.live, { anchors: anchors.slice(0, visits.length), visits });
    return merge.findings;
  },
};
