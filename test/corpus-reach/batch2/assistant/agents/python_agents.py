import asyncio
import os

from agents import Agent, HostedMCPTool, Runner
from agents.mcp import MCPServerStdio

DOCS = HostedMCPTool(
    tool_config={
        "type": "mcp",
        "server_label": "gitmcp",
        "server_url": "https://gitmcp.io/northwind-labs/handbook",
        "require_approval": {"never": {"tool_names": ["search_documentation"]}},
    }
)

CRM = HostedMCPTool(
    tool_config={
        "type": "mcp",
        "server_label": "hubspot",
        "server_url": "https://mcp.hubspot.com/anthropic",
        "require_approval": "never",
        #                   ^ agent
    }
)


async def main(question: str) -> None:
    async with MCPServerStdio(
        name="home",
        params={
            "command": "npx",
            "args": ["-y", "@modelcontextprotocol/server-filesystem", os.path.expanduser("~")],
            #                                                                            ^ agent
        },
    ) as home:
        agent = Agent(name="Assistant", tools=[DOCS, CRM], mcp_servers=[home])
        result = await Runner.run(agent, question)
        print(result.final_output)


if __name__ == "__main__":
    asyncio.run(main("Summarise my open deals"))
