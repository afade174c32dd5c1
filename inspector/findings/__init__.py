"""What the pipeline finds on a call (rule hits, categories, the customer's emotion, the automatic score): the
steps, the runner for stored calls, and the background jobs over stored calls built on it (checking,
categorising, measuring emotion, automatic scoring)."""
