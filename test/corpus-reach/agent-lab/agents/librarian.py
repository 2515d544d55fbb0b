from langchain_community.agent_toolkits import FileManagementToolkit
from langchain_community.tools.tavily_search import TavilySearchResults


def build_tools(sandbox: str | None = None):
    if sandbox:
        files = FileManagementToolkit(root_dir=sandbox, selected_tools=["read_file", "list_directory"])
    else:
        files = FileManagementToolkit()
        #       ^ agent
    return [TavilySearchResults(max_results=5), *files.get_tools()]


def build_admin_tools():
    return FileManagementToolkit(root_dir="/").get_tools()
    #                                     ^ agent
