// The Keyhole view: findings grouped by category, then rule, then file, with counts and severity icons.
import * as vscode from 'vscode';
import { mayNarrow } from '../core/fixes/narrow/index';
import { SEVERITIES, type Category, type Finding } from '../core/types';
import { toVsRange } from './diagnostics';
import { corePath } from './paths';
import type { Results } from './results';

export interface LocatedFinding {
  uri: vscode.Uri;
  finding: Finding;
}

export type FindingsNode =
  | { kind: 'category'; category: Category; items: LocatedFinding[] }
  | { kind: 'rule'; ruleId: string; items: LocatedFinding[] }
  | { kind: 'file'; ruleId: string; uri: vscode.Uri; items: LocatedFinding[] }
  | { kind: 'finding'; item: LocatedFinding };

/** What a test (or a screen reader) sees of the tree. */
export interface TreeSnapshot {
  label: string;
  description?: string;
  contextValue?: string;
  command?: vscode.Command;
  /** The element VS Code passes to the view's context-menu commands. */
  node: FindingsNode;
  children: TreeSnapshot[];
}

const CATEGORY_LABELS: Record<Category, string> = {
  secret: 'Hardcoded credentials',
  iam: 'Over-broad grants',
  agent: 'AI-agent permissions',
  lifecycle: 'Credential lifetime',
};
const CATEGORY_ORDER: Category[] = ['secret', 'iam', 'agent', 'lifecycle'];

const SEVERITY_ICON: Record<Finding['severity'], vscode.ThemeIcon> = {
  critical: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  high: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  medium: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  low: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  info: new vscode.ThemeIcon('info'),
};

function groupBy<K>(items: LocatedFinding[], key: (i: LocatedFinding) => K): Map<K, LocatedFinding[]> {
  const map = new Map<K, LocatedFinding[]>();
  for (const i of items) {
    const k = key(i);
    map.set(k, [...(map.get(k) ?? []), i]);
  }
  return map;
}

function worst(items: LocatedFinding[]): Finding['severity'] {
  return SEVERITIES[Math.min(...items.map((i) => SEVERITIES.indexOf(i.finding.severity)))];
}

function count(n: number): string {
  return `${n} finding${n === 1 ? '' : 's'}`;
}

export class FindingsTree implements vscode.TreeDataProvider<FindingsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<FindingsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private readonly subscription: vscode.Disposable;
  view?: vscode.TreeView<FindingsNode>;

  constructor(private readonly results: Results) {
    this.subscription = results.onDidChange(() => {
      if (this.refreshTimer) return;
      this.refreshTimer = setTimeout(() => {
        this.refreshTimer = undefined;
        this.refresh();
      }, 100);
    });
  }

  refresh(): void {
    this.changed.fire(undefined);
    if (this.view) {
      const total = this.all().length;
      this.view.badge = total ? { value: total, tooltip: `Keyhole: ${count(total)}` } : undefined;
    }
  }

  private all(): LocatedFinding[] {
    return this.results.all().flatMap((r) => r.result.findings.map((finding) => ({ uri: r.uri, finding })));
  }

  getChildren(node?: FindingsNode): FindingsNode[] {
    if (!node) {
      const byCategory = groupBy(this.all(), (i) => i.finding.category);
      return CATEGORY_ORDER.filter((c) => byCategory.has(c)).map((category) => ({ kind: 'category', category, items: byCategory.get(category)! }));
    }
    if (node.kind === 'category') {
      return [...groupBy(node.items, (i) => i.finding.ruleId)].sort(([a], [b]) => a.localeCompare(b)).map(([ruleId, items]) => ({ kind: 'rule', ruleId, items }));
    }
    if (node.kind === 'rule') {
      return [...groupBy(node.items, (i) => i.uri.toString())].map(([, items]) => ({ kind: 'file' as const, ruleId: node.ruleId, uri: items[0].uri, items }))
        .sort((a, b) => corePath(a.uri).localeCompare(corePath(b.uri)));
    }
    if (node.kind === 'file') {
      return [...node.items].sort((a, b) => a.finding.span.start - b.finding.span.start).map((item) => ({ kind: 'finding', item }));
    }
    return [];
  }

  getTreeItem(node: FindingsNode): vscode.TreeItem {
    const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    const Expanded = vscode.TreeItemCollapsibleState.Expanded;
    switch (node.kind) {
      case 'category': {
        const item = new vscode.TreeItem(CATEGORY_LABELS[node.category], Expanded);
        item.description = count(node.items.length);
        item.iconPath = SEVERITY_ICON[worst(node.items)];
        item.contextValue = 'category';
        return item;
      }
      case 'rule': {
        const item = new vscode.TreeItem(node.ruleId, Expanded);
        item.description = count(node.items.length);
        item.iconPath = SEVERITY_ICON[worst(node.items)];
        item.tooltip = node.items[0].finding.docsUrl;
        item.contextValue = 'rule';
        return item;
      }
      case 'file': {
        const path = corePath(node.uri);
        const item = new vscode.TreeItem(node.uri, Collapsed);
        item.description = `${path.includes('/') ? path.slice(0, path.lastIndexOf('/')) + ' · ' : ''}${count(node.items.length)}`;
        item.contextValue = 'file';
        return item;
      }
      case 'finding': {
        const { finding, uri } = node.item;
        const item = new vscode.TreeItem(`Line ${finding.range.start.line + 1}: ${finding.redacted ?? finding.ruleId}`, vscode.TreeItemCollapsibleState.None);
        item.description = `${finding.severity}, ${finding.confidence}`;
        item.tooltip = new vscode.MarkdownString().appendText(finding.message);
        item.iconPath = SEVERITY_ICON[finding.severity];
        // Fixes are computed on demand: the menu offers Fix where one may exist.
        item.contextValue = finding.category === 'secret' || mayNarrow(finding.ruleId) ? 'finding.fixable' : 'finding';
        item.command = { command: 'vscode.open', title: 'Reveal', arguments: [uri, { selection: toVsRange(finding.range), preserveFocus: false }] };
        return item;
      }
    }
  }

  /** The whole tree as labels, for tests and accessibility checks. */
  snapshot(node?: FindingsNode): TreeSnapshot[] {
    return this.getChildren(node).map((child) => {
      const item = this.getTreeItem(child);
      const label = typeof item.label === 'string' ? item.label : item.label?.label ?? (child.kind === 'file' ? corePath(child.uri) : '');
      const description = typeof item.description === 'string' ? item.description : undefined;
      return { label, description, contextValue: item.contextValue, command: item.command, node: child, children: this.snapshot(child) };
    });
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.subscription.dispose();
    this.changed.dispose();
  }
}
