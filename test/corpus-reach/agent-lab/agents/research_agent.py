"""Research assistant: searches the web, keeps notes in ./workspace, and can run analysis code."""
from langchain.agents import AgentExecutor, create_tool_calling_agent
from langchain_community.agent_toolkits import FileManagementToolkit
from langchain_community.tools import DuckDuckGoSearchRun, ShellTool
from langchain_experimental.tools import PythonREPLTool
from langchain_openai import ChatOpenAI

from .prompts import RESEARCH_PROMPT

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)

notes = FileManagementToolkit(
    root_dir="./workspace",
    selected_tools=["read_file", "write_file", "list_directory"],
).get_tools()

tools = [
    DuckDuckGoSearchRun(),
    ShellTool(),
    # ^ agent
    PythonREPLTool(),
    # ^ agent
    *notes,
]

agent = create_tool_calling_agent(llm, tools, RESEARCH_PROMPT)
executor = AgentExecutor(agent=agent, tools=tools, max_iterations=8)
