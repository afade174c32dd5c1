-- hits raised as "listen to confirm": an absence in words the recogniser was unsure of, not asserted
ALTER TABLE hits ADD COLUMN listen INTEGER NOT NULL DEFAULT 0;
