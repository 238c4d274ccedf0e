CREATE TABLE `claim_counts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`status` text NOT NULL,
	`type` text NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `claim_counts_type_status_idx` ON `claim_counts` (`type`,`status`,`n`);--> statement-breakpoint
-- Triggers keep claim_counts: one +1/-1 delta row per change, summed on read (lib/claims/claim-counts.ts).
CREATE TRIGGER claim_counts_ai AFTER INSERT ON claims BEGIN
  INSERT INTO claim_counts (status, type, n) VALUES (new.status, new.type, 1);
END;
--> statement-breakpoint
CREATE TRIGGER claim_counts_ad AFTER DELETE ON claims BEGIN
  INSERT INTO claim_counts (status, type, n) VALUES (old.status, old.type, -1);
END;
--> statement-breakpoint
CREATE TRIGGER claim_counts_au AFTER UPDATE OF status, type ON claims
WHEN old.status IS NOT new.status OR old.type IS NOT new.type BEGIN
  INSERT INTO claim_counts (status, type, n) VALUES (old.status, old.type, -1), (new.status, new.type, 1);
END;
--> statement-breakpoint
INSERT INTO claim_counts (status, type, n) SELECT status, type, count(*) FROM claims GROUP BY status, type;
