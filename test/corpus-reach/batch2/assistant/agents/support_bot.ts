import { Agent, MCPServerStdio, hostedMcpTool, run } from '@openai/agents';

const zendesk = hostedMcpTool({
  serverLabel: 'zendesk',
  serverUrl: 'https://mcp.zendesk.internal.northwind.example/mcp',
  requireApproval: {
    never: { toolNames: ['search_tickets', 'get_ticket'] },
    always: { toolNames: ['update_ticket', 'close_ticket'] },
  },
});

const stripe = hostedMcpTool({
  serverLabel: 'stripe',
  serverUrl: 'https://mcp.stripe.com',
  requireApproval: 'never',
  //               ^ agent
});

const disk = new MCPServerStdio({
  name: 'disk',
  fullCommand: 'npx -y @modelcontextprotocol/server-filesystem /',
  //                                                           ^ agent
});

export async function answer(question: string): Promise<string> {
  await disk.connect();
  try {
    const agent = new Agent({
      name: 'Support',
      instructions: 'Answer customer billing questions. Refunds need a human.',
      tools: [zendesk, stripe],
      mcpServers: [disk],
    });
    const result = await run(agent, question);
    return String(result.finalOutput);
  } finally {
    await disk.close();
  }
}
