"""The desktop's way into the workspace's database (Qt-free): the window, its lane and its background jobs get
their connections and the repositories over them here, never from the store directly."""
