"""On-call helper: reads dashboards, summarises incidents, can poke at the data with pandas."""
import pandas as pd
from langchain.agents import AgentExecutor, create_tool_calling_agent
from langchain_community.tools import ShellTool
from langchain_experimental.tools import PythonAstREPLTool
from langchain_openai import ChatOpenAI

from .prompts import ONCALL_PROMPT
from .tools import grafana_panel, pagerduty_incident

llm = ChatOpenAI(model="gpt-4o", temperature=0)


def build_executor(incidents: pd.DataFrame) -> AgentExecutor:
    tools = [
        grafana_panel,
        pagerduty_incident,
        # Every command is shown to the operator, who must type "y" before it runs.
        ShellTool(ask_human_input=True),
        PythonAstREPLTool(locals={"df": incidents}),
        # ^ agent
    ]
    agent = create_tool_calling_agent(llm, tools, ONCALL_PROMPT)
    return AgentExecutor(agent=agent, tools=tools, max_iterations=10)
