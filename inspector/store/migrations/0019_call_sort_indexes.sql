-- one index per sortable column of the call list, on the expression it sorts by and the id, so every page
-- (keyset: after the previous page's last value and id) is an index search, in any sort order.
-- call_ref and hit_count have theirs since 0001: an index ends with the rowid (id) implicitly.
CREATE INDEX calls_sort_agent ON calls(coalesce(agent_id, ''), id);
CREATE INDEX calls_sort_started ON calls(coalesce(started_at, ''), id);
CREATE INDEX calls_sort_duration ON calls(duration_s, id);
CREATE INDEX calls_sort_status ON calls(status, id);
CREATE INDEX calls_sort_business ON calls(coalesce(business_type, ''), id);
