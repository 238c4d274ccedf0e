ALTER TABLE `claims` ADD `claimant_kind` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `summary` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `verdict_scale` ADD `unrated` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Data: the old default scale rated Unproven 1, below False 2. Where that default is still untouched, flag Unproven
-- as unrated (ClaimReview gets no ratingValue for it) and move the six true/false steps down to 6..1.
UPDATE `verdict_scale` SET `unrated` = 1 WHERE `label` = 'Unproven' AND `rating` = 1 AND (
  SELECT count(*) FROM `verdict_scale` WHERE (`label`, `rating`) IN (
    VALUES ('True', 7), ('Mostly true', 6), ('Half true', 5), ('Misleading', 4), ('Mostly false', 3), ('False', 2)
  )
) = 6;--> statement-breakpoint
UPDATE `verdict_scale` SET `rating` = `rating` - 1
WHERE (`label`, `rating`) IN (VALUES ('True', 7), ('Mostly true', 6), ('Half true', 5), ('Misleading', 4), ('Mostly false', 3), ('False', 2))
  AND EXISTS (SELECT 1 FROM `verdict_scale` WHERE `label` = 'Unproven' AND `unrated` = 1 AND `rating` = 1);
