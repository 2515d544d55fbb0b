"""Release-notes writer.

We deliberately do not give this agent ShellTool() or PythonREPLTool(): it only reads the
changelog directory and drafts text. See docs/agent-guidelines.md for why
FileManagementToolkit() without a root_dir is banned in this repository.
"""
from pathlib import Path

from langchain_community.agent_toolkits import FileManagementToolkit
from langchain_openai import ChatOpenAI

CHANGELOG_DIR = Path(__file__).resolve().parents[1] / "changelog"

tools = FileManagementToolkit(
    root_dir=str(CHANGELOG_DIR),
    selected_tools=["read_file", "list_directory"],
).get_tools()

llm = ChatOpenAI(model="gpt-4o-mini").bind_tools(tools)
