CREATE TABLE `edits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pair_id` integer NOT NULL,
	`version_before` integer NOT NULL,
	`version_after` integer NOT NULL,
	`operation` text NOT NULL,
	`args` text DEFAULT '{}' NOT NULL,
	`position` integer NOT NULL,
	`before` text NOT NULL,
	`after` text NOT NULL,
	`target` integer,
	`state` text,
	`user` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`pair_id`) REFERENCES `pairs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `edits_pair` ON `edits` (`pair_id`,`id`);--> statement-breakpoint
ALTER TABLE `pairs` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `pairs` ADD `realign_version` integer;--> statement-breakpoint
ALTER TABLE `pairs` ADD `realign_user` text;--> statement-breakpoint
ALTER TABLE `pairs` ADD `realign_progress` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `pairs` ADD `realign_error` text;