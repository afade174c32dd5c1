"""People on a workstation: what each role may do (policy)."""
