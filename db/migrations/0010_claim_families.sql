ALTER TABLE `claims` ADD `family_id` integer;--> statement-breakpoint
ALTER TABLE `claims` ADD `reused_from_claim_id` integer REFERENCES claims(id) ON DELETE set null;--> statement-breakpoint
CREATE INDEX `claims_family_idx` ON `claims` (`family_id`);