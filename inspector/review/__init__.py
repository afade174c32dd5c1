"""The review workflow: scoring sessions, sampling and assignment ("my queue"), appeals and the red-line
register, agents' feedback and acknowledgements, coaching."""
