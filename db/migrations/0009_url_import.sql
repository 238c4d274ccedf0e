ALTER TABLE `articles` ADD `fetched_url` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `byline` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `last_checked_at` integer;--> statement-breakpoint
CREATE INDEX `articles_fetched_url_idx` ON `articles` (`fetched_url`);--> statement-breakpoint
CREATE INDEX `articles_source_url_idx` ON `articles` (`source_url`);