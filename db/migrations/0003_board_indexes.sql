CREATE INDEX `claims_type_status_idx` ON `claims` (`type`,`status`);--> statement-breakpoint
CREATE INDEX `claims_updated_idx` ON `claims` (`updated_at`,`id`);