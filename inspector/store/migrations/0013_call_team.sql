-- the agent's team (班组) from the call sidecar, so reports can group agents by team
ALTER TABLE calls ADD COLUMN team TEXT;
CREATE INDEX calls_team ON calls(team, started_at);
