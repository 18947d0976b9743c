ALTER TABLE `documents` ADD `inline_codes` text;--> statement-breakpoint
ALTER TABLE `links` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `links` ADD `changed_by` text;