"""The review session: which call is open and everything the panes show about it."""
