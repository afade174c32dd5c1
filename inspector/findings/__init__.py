"""What the pipeline finds on a call (rule hits, categories, the customer's emotion): the steps, and the
runner for stored calls."""
