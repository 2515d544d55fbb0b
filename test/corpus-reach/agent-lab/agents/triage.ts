import { Agent, hostedMcpTool, run } from '@openai/agents';

const githubTools = hostedMcpTool({
  serverLabel: 'github',
  serverUrl: 'https://api.githubcopilot.com/mcp/',
  requireApproval: 'never',
  //               ^ agent
});

const docsTools = hostedMcpTool({
  serverLabel: 'docs',
  serverUrl: 'https://gitmcp.io/acme-labs/handbook',
  requireApproval: {
    never: { toolNames: ['search_documentation', 'fetch_documentation'] },
  },
});

const linearTools = hostedMcpTool({
  serverLabel: 'linear',
  serverUrl: 'https://mcp.linear.app/sse',
  requireApproval: 'always',
});

export const triageAgent = new Agent({
  name: 'Issue triage',
  instructions: 'Label new issues, link duplicates, and ask for reproduction steps when missing.',
  tools: [githubTools, docsTools, linearTools],
});

export async function triage(issueUrl: string) {
  return run(triageAgent, `Triage ${issueUrl}`);
}
