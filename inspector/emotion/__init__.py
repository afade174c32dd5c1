"""Customer emotion: a pointer for listening (which calls, which moments), never a verdict."""
